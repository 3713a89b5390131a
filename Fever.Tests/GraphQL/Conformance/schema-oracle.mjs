// Judges a served schema with graphql-js: the introspection result must build a valid schema, and the
// served SDL must describe the same schema.
// Usage: node schema-oracle.mjs <introspection.json> <sdl.graphql>
// Prints one JSON verdict:
//   introspectionErrors  the introspection result cannot be turned into a schema (buildClientSchema)
//   schemaErrors         validateSchema's complaints about the schema built from introspection
//   sdlErrors            the SDL does not parse or build, or validateSchema complains about it
//   equal                printSchema gives the same text for both, types, fields, arguments and enum values
//                        sorted (the order of definitions is no part of a schema's meaning)
//   sameOrder            ... and the same text without sorting: both list definitions in the same order
//   verbatim             the SDL text is exactly printSchema(buildClientSchema(introspection))
//   diff                 when not equal: '-' lines from the introspection, '+' lines from the SDL (both sorted)
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLError, lexicographicSortSchema, printSchema, validateSchema } from 'graphql';
import { buildIntrospectedSchema } from './schema-files.mjs';
import { lineDiff } from './line-diff.mjs';

const [introspectionPath, sdlPath] = process.argv.slice(2);
if (!introspectionPath || !sdlPath) {
  console.error('Usage: node schema-oracle.mjs <introspection.json> <sdl.graphql>');
  process.exit(2);
}

const verdict = { introspectionErrors: [], schemaErrors: [], sdlErrors: [], equal: false, sameOrder: false, verbatim: false, diff: [] };
const fromIntrospection = attempt(() => buildIntrospectedSchema(introspectionPath), verdict.introspectionErrors);
const sdl = readFileSync(sdlPath, 'utf8');
const fromSdl = attempt(() => buildSchema(sdl), verdict.sdlErrors);

if (fromIntrospection) verdict.schemaErrors = validateSchema(fromIntrospection).map((error) => error.message);
if (fromSdl) verdict.sdlErrors = validateSchema(fromSdl).map((error) => error.message);
if (fromIntrospection && fromSdl) {
  const expected = printSchema(lexicographicSortSchema(fromIntrospection));
  const actual = printSchema(lexicographicSortSchema(fromSdl));
  verdict.equal = expected === actual;
  verdict.sameOrder = printSchema(fromIntrospection) === printSchema(fromSdl);
  verdict.verbatim = printSchema(fromIntrospection).trimEnd() === sdl.trimEnd();
  verdict.diff = lineDiff(expected, actual);
}
console.log(JSON.stringify(verdict, null, 2));

/** The value of `build`, or undefined with its error added to `errors` (a GraphQLError with its place in the source). */
function attempt(build, errors) {
  try {
    return build();
  } catch (error) {
    errors.push(error instanceof GraphQLError ? error.toString() : error.message);
    return undefined;
  }
}

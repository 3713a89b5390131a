// Validates every document of a corpus folder with graphql-js: parse, then each of specifiedRules.
// Usage: node validate-corpus.mjs <schema: SDL .graphql or introspection .json> <corpus folder>
// Prints one JSON object keyed by file name (the folder's *.graphql files, not its subfolders):
//   { "<file>": { verdict: "valid" | "invalid", errors: [{ rule, message }], operations: [name | null] } }
// where rule is the graphql-js rule that reported the error (e.g. KnownArgumentNamesRule), or "syntax"
// when the document does not parse; operations are the document's operations, in order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, Kind, parse, specifiedRules, validate } from 'graphql';
import { loadSchema } from './schema-files.mjs';

const [schemaPath, corpus] = process.argv.slice(2);
if (!schemaPath || !corpus) {
  console.error('Usage: node validate-corpus.mjs <schema.graphql | introspection.json> <corpus folder>');
  process.exit(2);
}

const schema = attempt(() => loadSchema(schemaPath), `graphql-js cannot build a schema from ${schemaPath}`);
const files = readdirSync(corpus).filter((file) => file.endsWith('.graphql')).sort();
const verdicts = Object.fromEntries(files.map((file) => [file, judge(readFileSync(join(corpus, file), 'utf8'))]));
console.log(JSON.stringify(verdicts, null, 2));

function judge(source) {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { verdict: 'invalid', errors: [{ rule: 'syntax', message: error.message }], operations: [] };
  }
  const errors = specifiedRules.flatMap((rule) =>
    validate(schema, document, [rule]).map((error) => ({ rule: rule.name, message: error.message })),
  );
  const operations = document.definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => operation.name?.value ?? null);
  return { verdict: errors.length === 0 ? 'valid' : 'invalid', errors, operations };
}

/** The value of `build`; on an error, says `what` and the error's message, and exits with 1. */
function attempt(build, what) {
  try {
    return build();
  } catch (error) {
    console.error(`${what}: ${error.message}`);
    process.exit(1);
  }
}

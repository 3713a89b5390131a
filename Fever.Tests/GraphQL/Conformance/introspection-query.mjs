// Prints graphql-js's full introspection query with every optional part of the October 2021 spec asked for:
// descriptions, specifiedByURL, isRepeatable, the schema's description and deprecated input values.
// Usage: node introspection-query.mjs
import { getIntrospectionQuery } from 'graphql';

process.stdout.write(
  getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  }),
);

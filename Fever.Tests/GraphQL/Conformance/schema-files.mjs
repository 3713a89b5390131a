// Reads a schema from a file: SDL (.graphql) or an introspection result (.json, either the whole
// GraphQL response { data: { __schema } } or its data { __schema }).
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema } from 'graphql';

/** The introspection result in a .json file; throws with the response's own errors when it has no data. */
export function readIntrospection(path) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const data = json.data ?? json;
  if (!data?.__schema) {
    const errors = (json.errors ?? []).map((error) => error.message).join('; ');
    throw new Error(`${path} holds no introspection result${errors ? `: ${errors}` : ''}`);
  }
  return data;
}

/** A graphql-js schema from SDL or from an introspection result, chosen by the file's extension. */
export function loadSchema(path) {
  return path.endsWith('.json') ? buildClientSchema(readIntrospection(path)) : buildSchema(readFileSync(path, 'utf8'));
}

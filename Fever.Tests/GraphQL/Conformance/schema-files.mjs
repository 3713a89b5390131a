// Reads a schema from a file: SDL (.graphql) or an introspection result (.json, either the whole
// GraphQL response { data: { __schema } } or its data { __schema }).
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, parseConstValue } from 'graphql';

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

/**
 * buildClientSchema of the introspection result in a .json file. A defaultValue that is no GraphQL literal makes
 * buildClientSchema fail without saying where; this says which argument or input field has it.
 */
export function buildIntrospectedSchema(path) {
  const introspection = readIntrospection(path);
  const errors = defaultValueErrors(introspection);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return buildClientSchema(introspection);
}

/** A graphql-js schema from SDL or from an introspection result, chosen by the file's extension. */
export function loadSchema(path) {
  return path.endsWith('.json') ? buildIntrospectedSchema(path) : buildSchema(readFileSync(path, 'utf8'));
}

function defaultValueErrors({ __schema: schema }) {
  const errors = [];
  const check = (where, defaultValue) => {
    if (defaultValue === null || defaultValue === undefined) return;
    try {
      parseConstValue(defaultValue);
    } catch (error) {
      errors.push(`${where}: defaultValue ${JSON.stringify(defaultValue)} is no GraphQL literal (${error.message})`);
    }
  };
  for (const type of schema.types) {
    for (const field of type.fields ?? []) for (const arg of field.args ?? []) check(`${type.name}.${field.name}(${arg.name})`, arg.defaultValue);
    for (const field of type.inputFields ?? []) check(`${type.name}.${field.name}`, field.defaultValue);
  }
  for (const directive of schema.directives ?? []) for (const arg of directive.args ?? []) check(`@${directive.name}(${arg.name})`, arg.defaultValue);
  return errors;
}

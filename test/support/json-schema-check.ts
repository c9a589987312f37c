/**
 * A small JSON Schema (2020-12) checker for the keywords content/report.schema.json
 * uses, so tests can check reports the way an editor's YAML extension does
 * without adding a dependency. A keyword it does not know is an error, not
 * skipped: if the generated schema starts using one, this fails loudly.
 */

type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', 'format']);
const HANDLED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'anyOf',
  'oneOf',
  'enum',
  'const',
  'propertyNames',
]);

/** Returns every violation as `path: what`; empty when `value` is valid. */
export function schemaErrors(schema: Schema, value: unknown, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !HANDLED.has(key))
      throw new Error(`json-schema-check: unsupported keyword ${key} at ${at}`);
  }
  const errors: string[] = [];
  // Keyword values are of many shapes, each checked where it is used.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const s = schema as Record<string, any>;
  if (s.type !== undefined && !typeMatches(s.type, value))
    return [`${at}: expected ${s.type}, got ${kindOf(value)}`];
  if (s.enum && !s.enum.some((e: unknown) => e === value))
    errors.push(`${at}: not one of ${s.enum.join(', ')}`);
  if ('const' in s && s.const !== value) errors.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value))
      errors.push(`${at}: does not match ${s.pattern}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems)
      errors.push(`${at}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems)
      errors.push(`${at}: more than ${s.maxItems} items`);
    if (s.items !== undefined)
      value.forEach((item, i) => errors.push(...schemaErrors(s.items, item, `${at}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of s.required ?? []) if (!(key in value)) errors.push(`${at}: missing ${key}`);
    for (const [key, item] of Object.entries(value)) {
      if (s.propertyNames) errors.push(...schemaErrors(s.propertyNames, key, `${at}.${key} (name)`));
      if (s.properties && key in s.properties)
        errors.push(...schemaErrors(s.properties[key], item, `${at}.${key}`));
      else if (s.additionalProperties !== undefined)
        errors.push(...schemaErrors(s.additionalProperties, item, `${at}.${key}`));
    }
  }
  if (s.anyOf && !s.anyOf.some((branch: Schema) => schemaErrors(branch, value, at).length === 0))
    errors.push(`${at}: matches none of anyOf`);
  if (
    s.oneOf &&
    s.oneOf.filter((branch: Schema) => schemaErrors(branch, value, at).length === 0).length !== 1
  )
    errors.push(`${at}: must match exactly one of oneOf`);
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeMatches(type: string | string[], value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  const kind = kindOf(value);
  return types.some((t) => t === kind || (t === 'number' && (kind === 'number' || kind === 'integer')));
}

/**
 * Walks a value alongside the valibot schema that describes it, so the serialiser and the unknown-field
 * report follow the schema's own field list and order instead of a second hand-written copy. Recursion is
 * bounded by the schema's depth, not the value's.
 */
import type * as v from 'valibot';

export type AnySchema = v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>>;

export interface Shape {
  /** Object fields in schema order. */
  fields?: [string, AnySchema][];
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  items?: AnySchema[];
}

const shapes = new WeakMap<AnySchema, Shape>();

/** The structural part of a schema: optional wrappers are looked through; pipes keep their root's fields. */
export function shapeOf(schema: AnySchema): Shape {
  let shape = shapes.get(schema);
  if (!shape) {
    let s = schema as AnySchema & { wrapped?: AnySchema } & Shape;
    while (s.wrapped) s = s.wrapped as typeof s;
    shape = { entries: s.entries, fields: s.entries && Object.entries(s.entries), item: s.item, items: s.items };
    shapes.set(schema, shape);
  }
  return shape;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A copy of `value` with object keys in schema order, unknown keys and undefined values dropped, and -0
 * written as 0. Everything the schema does not describe as an object or list is copied as is.
 */
export function canonicalise(schema: AnySchema, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? 0 : value;
  const { fields, item, items } = shapeOf(schema);
  if (fields && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of fields) {
      if (record[key] !== undefined && Object.hasOwn(record, key)) out[key] = canonicalise(entry, record[key]);
    }
    return out;
  }
  if (Array.isArray(value) && (item || items)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = item ? canonicalise(item, value[i]) : canonicalise(items![i], value[i]);
    return out;
  }
  return value;
}

/** Paths of fields present in `value` that the schema does not know, e.g. `nodes[2].colour`. */
export function unknownFieldPaths(schema: AnySchema, value: unknown, path = '', found: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return found;
  const { entries, item } = shapeOf(schema);
  if (entries && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (!entry) found.push(path === '' ? key : `${path}.${key}`);
      else {
        const child = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') unknownFieldPaths(entry, child, path === '' ? key : `${path}.${key}`, found);
      }
    }
  } else if (Array.isArray(value) && item) {
    for (let i = 0; i < value.length; i++) unknownFieldPaths(item, value[i], `${path}[${i}]`, found);
  }
  return found;
}

/**
 * Walks a value alongside the valibot schema that describes it, so the serialiser and the unknown-field
 * report follow the schema's own field list and order instead of a second hand-written copy. Recursion is
 * bounded by the schema's depth, not the value's.
 */
import type * as v from 'valibot';

export type AnySchema = v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>>;

export interface Shape {
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  items?: AnySchema[];
}

/** The structural part of a schema: optional wrappers are looked through; pipes keep their root's fields. */
export function shapeOf(schema: AnySchema): Shape {
  let s = schema as AnySchema & { wrapped?: AnySchema } & Shape;
  while (s.wrapped) s = s.wrapped as typeof s;
  return s;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A copy of `value` with object keys in schema order, unknown keys and undefined values dropped, and -0
 * written as 0. Everything the schema does not describe as an object or list is copied as is.
 */
export function canonicalise(schema: AnySchema, value: unknown): unknown {
  const shape = shapeOf(schema);
  if (shape.entries && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(shape.entries)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
      out[key] = canonicalise(entry, value[key]);
    }
    return out;
  }
  if (Array.isArray(value) && (shape.item || shape.items)) {
    return value.map((item, i) => canonicalise(shape.item ?? shape.items![i] ?? ({} as AnySchema), item));
  }
  return Object.is(value, -0) ? 0 : value;
}

/** Paths of fields present in `value` that the schema does not know, e.g. `nodes[2].colour`. */
export function unknownFieldPaths(schema: AnySchema, value: unknown, path = ''): string[] {
  const shape = shapeOf(schema);
  const found: string[] = [];
  if (shape.entries && isRecord(value)) {
    for (const key of Object.keys(value)) {
      const entry = Object.hasOwn(shape.entries, key) ? shape.entries[key] : undefined;
      const at = path === '' ? key : `${path}.${key}`;
      if (entry) found.push(...unknownFieldPaths(entry, value[key], at));
      else found.push(at);
    }
  } else if (Array.isArray(value) && shape.item) {
    value.forEach((item, i) => found.push(...unknownFieldPaths(shape.item!, item, `${path}[${i}]`)));
  }
  return found;
}

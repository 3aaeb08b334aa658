/** The published JSON Schema, generated from the valibot file schema so the two cannot drift. */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { FORMAT_VERSION, SCHEMA_ID } from './constants';
import { journeyMapFileSchema } from './schema';

export const SCHEMA_PATH = `public/schema/journey-map.v${FORMAT_VERSION}.json`;

export function journeyMapJsonSchema(): JsonSchema {
  // `finite` has no JSON Schema keyword and needs none: JSON cannot write NaN or Infinity.
  const generated = toJsonSchema(journeyMapFileSchema, { target: 'draft-07', ignoreActions: ['finite'] });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, ...rest };
}

/** The file's exact text: what writeSchema.ts writes and the test compares against. */
export function journeyMapJsonSchemaText(): string {
  return `${JSON.stringify(journeyMapJsonSchema(), null, 2)}\n`;
}

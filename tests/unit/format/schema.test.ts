import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { FORMAT_NAME, FORMAT_VERSION, journeyMapFileSchema, journeyMapSchema, SCHEMA_ID } from '../../../src/format';
import { journeyMapJsonSchema, journeyMapJsonSchemaText, SCHEMA_PATH } from '../../../src/format/jsonSchema';
import { sampleDocument } from './helpers';

const root = resolve(__dirname, '../../..');
type Json = Record<string, any>;

describe('published JSON Schema', () => {
  it('matches what the code generates (run `npm run schema` after changing schema.ts)', () => {
    expect(readFileSync(resolve(root, SCHEMA_PATH), 'utf8')).toBe(journeyMapJsonSchemaText());
  });

  it('describes the envelope, identifies itself and carries the ranges', () => {
    const schema = journeyMapJsonSchema() as Json;
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.title).toBe('Journey Designer map');
    expect(schema.description).toMatch(/customer-journey map/);
    expect(schema.properties.format.const).toBe(FORMAT_NAME);
    expect(schema.properties.version.const).toBe(FORMAT_VERSION);
    expect(schema.required).toEqual(['format', 'version', 'id', 'name', 'stages', 'channels', 'nodes', 'edges']);
    const node = schema.properties.nodes.items.properties;
    expect(node.scores.properties.csat).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(node.scores.properties.nps).toMatchObject({ minimum: -100, maximum: 100 });
    expect(node.scores.properties.ces).toMatchObject({ minimum: 1, maximum: 7 });
    expect(node.scores.properties.responses).toMatchObject({ type: 'integer', minimum: 0 });
    expect(node.dropOff).toMatchObject({ minimum: 0, exclusiveMaximum: 1 });
    expect(node.share).toMatchObject({ exclusiveMinimum: 0 });
    expect(node.emotion.enum).toEqual([-2, -1, 0, 1, 2]);
    expect(node.kind.enum).toEqual(['entry', 'touchpoint', 'outcome']);
    expect(schema.properties.edges.items.properties.weight).toMatchObject({ exclusiveMinimum: 0, default: 1 });
    expect(schema.properties.simulation.properties.severityDropOff).toMatchObject({ minItems: 5, additionalItems: false });
  });

  it('is documented field by field in docs/format.md', () => {
    const docs = readFileSync(resolve(root, 'docs/format.md'), 'utf8');
    const names = new Set<string>();
    const collect = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const { properties } = node as Json;
        if (properties) for (const key of Object.keys(properties)) names.add(key);
        Object.values(node).forEach(collect);
      }
    };
    collect(journeyMapJsonSchema());
    const missing = [...names].filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});

describe('valibot schemas', () => {
  it('accept the sample map, and the sample file with its envelope', () => {
    expect(v.safeParse(journeyMapSchema, onlineStoreSample()).success).toBe(true);
    expect(v.safeParse(journeyMapFileSchema, sampleDocument()).success).toBe(true);
    expect(v.safeParse(journeyMapFileSchema, { ...sampleDocument(), version: 2 }).success).toBe(false);
  });
});

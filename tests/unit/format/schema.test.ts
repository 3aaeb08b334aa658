import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { MAX_COORDINATE, MAX_WEIGHT } from '../../../src/domain/edits';
import { STAGE_MAX_WIDTH, STAGE_MIN_WIDTH } from '../../../src/domain/layout';
import { MAX_NOTE_LENGTH, STICKY_MAX_WIDTH, STICKY_MIN_WIDTH } from '../../../src/domain/notes';
import { MAX_TITLE_LENGTH } from '../../../src/domain/opportunities';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { MAX_NAME_LENGTH } from '../../../src/domain/structure';
import { FORMAT_NAME, FORMAT_VERSION, formatProblem, importMapText, journeyMapFileSchema, journeyMapSchema, SCHEMA_ID } from '../../../src/format';
import { journeyMapJsonSchema, journeyMapJsonSchemaText, SCHEMA_PATH } from '../../../src/format/jsonSchema';
import { sampleDocument } from './helpers';

const root = resolve(__dirname, '../../..');
type Json = Record<string, any>;

describe('published JSON Schema', () => {
  it('matches what the code generates (run `npm run schema` after changing schema.ts)', () => {
    expect(SCHEMA_PATH).toBe(`public/schema/journey-map.v${FORMAT_VERSION}.json`);
    expect(readFileSync(resolve(root, SCHEMA_PATH), 'utf8')).toBe(journeyMapJsonSchemaText());
  });

  it('keeps the version 1 schema for reference, unchanged', () => {
    const v1 = JSON.parse(readFileSync(resolve(root, 'public/schema/journey-map.v1.json'), 'utf8')) as Json;
    expect(v1.$id).toBe('urn:journey-designer:schema:journey-map:v1');
    expect(v1.properties.version.const).toBe(1);
    expect(v1.properties.notes).toBeUndefined();
  });

  it('keeps the version 2 schema for reference, unchanged', () => {
    const v2 = JSON.parse(readFileSync(resolve(root, 'public/schema/journey-map.v2.json'), 'utf8')) as Json;
    expect(v2.$id).toBe('urn:journey-designer:schema:journey-map:v2');
    expect(v2.properties.version.const).toBe(2);
    expect(v2.properties.notes).toBeDefined();
    expect(v2.properties.personas).toBeUndefined();
    expect(v2.properties.opportunities).toBeUndefined();
  });

  it('keeps the version 3 schema for reference, unchanged', () => {
    const v3 = JSON.parse(readFileSync(resolve(root, 'public/schema/journey-map.v3.json'), 'utf8')) as Json;
    expect(v3.$id).toBe('urn:journey-designer:schema:journey-map:v3');
    expect(v3.properties.version.const).toBe(3);
    expect(v3.properties.personas).toBeDefined();
    expect(v3.properties.opportunities).toBeDefined();
    expect(v3.properties.scenarios).toBeUndefined();
  });

  it('keeps the version 4 schema for reference, unchanged', () => {
    const v4 = JSON.parse(readFileSync(resolve(root, 'public/schema/journey-map.v4.json'), 'utf8')) as Json;
    expect(v4.$id).toBe('urn:journey-designer:schema:journey-map:v4');
    expect(v4.properties.version.const).toBe(4);
    expect(v4.properties.scenarios).toBeDefined();
    expect(v4.properties.imports).toBeUndefined();
    const node = v4.properties.nodes.items.properties;
    expect(node.observed).toBeUndefined();
    expect(node.scores.properties.evidence).toBeUndefined();
    expect(node.scores.properties.ces).toMatchObject({ type: 'number', minimum: 1, maximum: 7 });
    expect(v4.properties.edges.items.properties.observed).toBeUndefined();
  });

  it('describes the envelope, identifies itself and carries the ranges', () => {
    const schema = journeyMapJsonSchema() as Json;
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(SCHEMA_ID).toBe('urn:journey-designer:schema:journey-map:v5');
    expect(schema.title).toBe('Journey Designer map');
    expect(schema.description).toMatch(/customer-journey map/);
    expect(schema.properties.format.const).toBe(FORMAT_NAME);
    expect(schema.properties.version.const).toBe(FORMAT_VERSION);
    expect(schema.required).toEqual(['format', 'version', 'id', 'name', 'stages', 'channels', 'nodes', 'edges']);
    const node = schema.properties.nodes.items.properties;
    expect(node.scores.properties.csat).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(node.scores.properties.nps).toMatchObject({ minimum: -100, maximum: 100 });
    // CES is 1 to 7 (the mean answer), or 0 to 100 when evidence.ces.measure is "top3": the cross-references
    // check the range the measure gives; the schema holds the widest.
    expect(node.scores.properties.ces).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(node.scores.properties.responses).toMatchObject({ type: 'integer', minimum: 0 });
    expect(node.dropOff).toMatchObject({ minimum: 0, exclusiveMaximum: 1 });
    expect(node.share).toMatchObject({ exclusiveMinimum: 0 });
    expect(node.emotion.enum).toEqual([-2, -1, 0, 1, 2]);
    expect(node.kind.enum).toEqual(['entry', 'touchpoint', 'outcome']);
    expect(schema.properties.edges.items.properties.weight).toMatchObject({ exclusiveMinimum: 0, default: 1 });
    expect(schema.properties.simulation.properties.severityDropOff).toMatchObject({ minItems: 5, additionalItems: false });
    expect(node.position.properties.x).toMatchObject({ minimum: -MAX_COORDINATE, maximum: MAX_COORDINATE });
    expect(node.position.properties.y).toMatchObject({ minimum: -MAX_COORDINATE, maximum: MAX_COORDINATE });
  });

  it('describes the fields version 2 added', () => {
    const schema = journeyMapJsonSchema() as Json;
    const colour = { type: 'string', pattern: '^#[0-9a-f]{6}$' };
    const name = { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH };
    const stage = schema.properties.stages.items;
    expect(stage.required).toEqual(['id', 'name']);
    expect(stage.properties.name).toMatchObject(name);
    expect(stage.properties.colour).toMatchObject(colour);
    expect(stage.properties.width).toMatchObject({ type: 'number', minimum: STAGE_MIN_WIDTH, maximum: STAGE_MAX_WIDTH });
    const channel = schema.properties.channels.items;
    expect(channel.required).toEqual(['id', 'name']);
    expect(channel.properties.name).toMatchObject(name);
    expect(channel.properties.colour).toMatchObject(colour);
    const notes = schema.properties.notes;
    expect(notes).toMatchObject({ type: 'array', default: [] });
    expect(notes.items.required).toEqual(['id', 'text', 'position']);
    expect(notes.items.properties.text).toMatchObject({ type: 'string', maxLength: MAX_NOTE_LENGTH });
    expect(notes.items.properties.width).toMatchObject({ type: 'number', minimum: STICKY_MIN_WIDTH, maximum: STICKY_MAX_WIDTH });
    expect(notes.items.properties.position.properties.x).toMatchObject({ minimum: -MAX_COORDINATE, maximum: MAX_COORDINATE });
  });

  it('describes the fields version 3 added: personas with their overrides, and opportunities', () => {
    const schema = journeyMapJsonSchema() as Json;
    const weight = { type: 'number', exclusiveMinimum: 0, maximum: MAX_WEIGHT };
    const personas = schema.properties.personas;
    expect(personas).toMatchObject({ type: 'array', default: [] });
    const persona = personas.items;
    expect(persona.required).toEqual(['id', 'name', 'share']);
    expect(persona.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH });
    expect(persona.properties.colour).toMatchObject({ type: 'string', pattern: '^#[0-9a-f]{6}$' });
    expect(persona.properties.share).toMatchObject(weight);
    expect(persona.properties.nodes).toMatchObject({ type: 'array', default: [] });
    const override = persona.properties.nodes.items;
    expect(override.required).toEqual(['node']);
    expect(override.properties.share).toMatchObject(weight);
    expect(override.properties.dropOff).toMatchObject({ type: 'number', minimum: 0, exclusiveMaximum: 1 });
    expect(override.properties.emotion.enum).toEqual([-2, -1, 0, 1, 2]);
    expect(persona.properties.edges).toMatchObject({ type: 'array', default: [] });
    expect(persona.properties.edges.items.required).toEqual(['edge', 'weight']);
    expect(persona.properties.edges.items.properties.weight).toMatchObject(weight);

    const opportunities = schema.properties.opportunities;
    expect(opportunities).toMatchObject({ type: 'array', default: [] });
    const opportunity = opportunities.items;
    expect(opportunity.required).toEqual(['id', 'title', 'status', 'effort']);
    expect(opportunity.properties.title).toMatchObject({ type: 'string', minLength: 1, maxLength: MAX_TITLE_LENGTH });
    expect(opportunity.properties.status.enum).toEqual(['idea', 'planned', 'in-progress', 'done']);
    expect(opportunity.properties.effort.enum).toEqual(['S', 'M', 'L']);
    expect(opportunity.properties.touchpoints).toMatchObject({ type: 'array', default: [], items: { type: 'string' } });
    expect(opportunity.properties.friction).toMatchObject({ type: 'array', default: [] });
    expect(opportunity.properties.friction.items.required).toEqual(['node', 'note']);
  });

  it('describes the field version 4 added: scenarios as changes to the as-is nodes and edges', () => {
    const schema = journeyMapJsonSchema() as Json;
    const scenarios = schema.properties.scenarios;
    expect(scenarios).toMatchObject({ type: 'array', default: [] });
    const scenario = scenarios.items;
    expect(scenario.required).toEqual(['id', 'name', 'changes']);
    expect(scenario.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH });
    const changes = scenario.properties.changes;
    expect(changes.required).toEqual(['addedNodes', 'removedNodes', 'changedNodes', 'addedEdges', 'removedEdges', 'changedEdges']);
    // Added nodes and edges are whole nodes and edges, as in `nodes` and `edges`.
    expect(changes.properties.addedNodes.items).toEqual(schema.properties.nodes.items);
    expect(changes.properties.addedEdges.items).toEqual(schema.properties.edges.items);
    expect(changes.properties.removedNodes).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(changes.properties.removedEdges).toMatchObject({ type: 'array', items: { type: 'string' } });
    const changedNode = changes.properties.changedNodes.items;
    expect(changedNode.required).toEqual(['id', 'set', 'unset']);
    expect(Object.keys(changedNode.properties.set.properties)).toEqual(
      Object.keys(schema.properties.nodes.items.properties).filter((key) => key !== 'id' && key !== 'kind'),
    );
    expect(changedNode.properties.set.required ?? []).toEqual([]);
    expect(changedNode.properties.set.properties.dropOff).toMatchObject({ minimum: 0, exclusiveMaximum: 1 });
    expect(changedNode.properties.unset.items.enum).toContain('dropOff');
    const changedEdge = changes.properties.changedEdges.items;
    expect(changedEdge.required).toEqual(['id', 'set', 'unset']);
    expect(Object.keys(changedEdge.properties.set.properties)).toEqual(
      Object.keys(schema.properties.edges.items.properties).filter((key) => key !== 'id'),
    );
    expect(Object.keys(changedEdge.properties.set.properties)).toEqual(['source', 'target', 'weight', 'label', 'observed']);
    expect(changedEdge.properties.set.properties.weight).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: MAX_WEIGHT });
    expect(changedEdge.properties.unset.items.enum).toContain('label');
  });

  it('describes the fields version 5 added: score evidence, observed counts and import mappings', () => {
    const schema = journeyMapJsonSchema() as Json;
    const count = { type: 'integer', minimum: 0 };
    const node = schema.properties.nodes.items.properties;
    const evidence = node.scores.properties.evidence;
    expect(evidence.type).toBe('object');
    expect(evidence.required ?? []).toEqual([]);
    expect(Object.keys(evidence.properties)).toEqual(['nps', 'csat', 'ces']);
    expect(evidence.properties.nps.required).toEqual(['n', 'low', 'high']);
    expect(evidence.properties.nps.properties.n).toMatchObject({ type: 'integer', minimum: 1 });
    expect(evidence.properties.nps.properties.low).toMatchObject({ type: 'number' });
    expect(evidence.properties.csat.required).toEqual(['n', 'low', 'high', 'measure']);
    expect(evidence.properties.csat.properties.measure.enum).toEqual(['top2', 'mean']);
    expect(evidence.properties.ces.required).toEqual(['n', 'low', 'high', 'measure']);
    expect(evidence.properties.ces.properties.measure.enum).toEqual(['mean', 'top3']);

    expect(node.observed.required).toEqual(['entered', 'left']);
    expect(node.observed.properties.entered).toMatchObject(count);
    expect(node.observed.properties.left).toMatchObject(count);
    expect(node.observed.properties.designed).toMatchObject({ type: 'number', minimum: 0, exclusiveMaximum: 1 });
    const edgeObserved = schema.properties.edges.items.properties.observed;
    expect(edgeObserved.required).toEqual(['count']);
    expect(edgeObserved.properties.count).toMatchObject(count);
    expect(edgeObserved.properties.designed).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: MAX_WEIGHT });

    const imports = schema.properties.imports;
    expect(schema.required).not.toContain('imports');
    expect(imports.required ?? []).toEqual([]);
    const survey = imports.properties.survey;
    expect(survey.required).toEqual(['columns', 'csat', 'ces']);
    expect(survey.properties.csat.enum).toEqual(['top2', 'mean']);
    expect(survey.properties.ces.enum).toEqual(['mean', 'top3']);
    const column = survey.properties.columns.items;
    expect(column.required).toEqual(['column', 'role']);
    expect(column.properties.role.enum).toEqual(['nps', 'csat', 'ces', 'touchpoint']);
    expect(column.properties.node).toMatchObject({ type: 'string' });
    expect(column.properties.values.items.required).toEqual(['value', 'node']);
    expect(imports.properties.funnel.required).toEqual(['steps']);
    expect(imports.properties.funnel.properties.steps.items.required).toEqual(['step', 'node']);
    // A scenario may give a node or an edge other observed counts, or leave them empty.
    const changes = schema.properties.scenarios.items.properties.changes.properties;
    expect(changes.changedNodes.items.properties.set.properties.observed).toEqual(node.observed);
    expect(changes.changedNodes.items.properties.unset.items.enum).toContain('observed');
    expect(changes.changedEdges.items.properties.unset.items.enum).toContain('observed');
  });

  it('is documented field by field in docs/format.md', () => {
    const docs = readFileSync(resolve(root, 'docs/format.md'), 'utf8');
    expect(docs).toContain(`# Journey map file format (version ${FORMAT_VERSION})`);
    expect(docs).toContain(SCHEMA_PATH);
    expect(docs).toContain('public/schema/journey-map.v1.json');
    expect(docs).toContain('public/schema/journey-map.v2.json');
    expect(docs).toContain('public/schema/journey-map.v3.json');
    expect(docs).toContain('public/schema/journey-map.v4.json');
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
    // A field is documented when a table row starts with its name: "| `width` | number | …".
    const documented = new Set(
      docs
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])),
    );
    const missing = [...names].filter((name) => !documented.has(name));
    expect(names.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});

describe('docs/format.md', () => {
  it('shows an example that opens clean at the current version, with personas, opportunities, a scenario and evidence', () => {
    const docs = readFileSync(resolve(root, 'docs/format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(docs)?.[1] ?? '';
    const result = importMapText(example);
    expect(result.ok ? result.warnings : result.problems.map(formatProblem)).toEqual([]);
    expect(JSON.parse(example).version).toBe(FORMAT_VERSION);
    expect(result.ok && [result.map.personas.length, result.map.opportunities.length, result.map.scenarios.length]).toEqual([2, 1, 1]);
    const map = result.ok ? result.map : undefined;
    expect(map?.nodes.some((n) => n.scores?.evidence !== undefined)).toBe(true);
    expect(map?.nodes.some((n) => n.observed !== undefined)).toBe(true);
    expect(map?.edges.some((e) => e.observed !== undefined)).toBe(true);
    expect(map?.imports?.survey?.columns.length).toBeGreaterThan(0);
    expect(map?.imports?.funnel?.steps.length).toBeGreaterThan(0);
  });
});

describe('valibot schemas', () => {
  it('accept the sample map, and the sample file with its envelope', () => {
    expect(v.safeParse(journeyMapSchema, onlineStoreSample()).success).toBe(true);
    expect(v.safeParse(journeyMapFileSchema, sampleDocument()).success).toBe(true);
    expect(v.safeParse(journeyMapFileSchema, { ...sampleDocument(), version: FORMAT_VERSION - 1 }).success).toBe(false);
    expect(v.safeParse(journeyMapFileSchema, { ...sampleDocument(), version: FORMAT_VERSION + 1 }).success).toBe(false);
  });
});

/** fast-check generators for valid journey maps and for the ways a map file gets damaged. */
import fc from 'fast-check';
import { MAX_COORDINATE } from '../../../src/domain/edits';
import { STAGE_MAX_WIDTH, STAGE_MIN_WIDTH } from '../../../src/domain/layout';
import { MAX_NOTE_LENGTH, STICKY_MAX_WIDTH, STICKY_MIN_WIDTH } from '../../../src/domain/notes';
import { MAX_TITLE_LENGTH } from '../../../src/domain/opportunities';
import { OVERRIDABLE } from '../../../src/domain/personas';
import { MAX_NAME_LENGTH } from '../../../src/domain/structure';
import {
  COLOUR_PALETTE,
  type CesMeasure,
  type Channel,
  type CsatMeasure,
  type FrictionNote,
  type ImportMemory,
  type JourneyEdge,
  type JourneyMap,
  type JourneyNode,
  type NodeOverride,
  type Opportunity,
  type Persona,
  type Scenario,
  type ScoresEvidence,
  type Scores,
  type ScenarioChanges,
  type SimulationSettings,
  type Stage,
  type StickyNote,
} from '../../../src/domain/types';
import { MAX_CUSTOMERS, MAX_SEED, MAX_STEPS, RESERVED_IDS } from '../../../src/format/constants';

const zeroNotNegative = (x: number) => x + 0; // JSON writes -0 as 0

/**
 * Characters that stress text handling: quotes, backslashes, HTML, line separators, NUL, astral and lone
 * surrogates. (fc.string's 'binary' unit would do, but building it costs seconds.)
 */
const trickyChar = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '中', '😀', '\u2028', '\u0000', '\uD800', '\uDFFF', '"', '\\', '<', '>', '&', '\n') },
);
export const trickyString = (maxLength: number, minLength = 0) => fc.string({ unit: trickyChar, minLength, maxLength });

const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  {
    weight: 1,
    arbitrary: trickyString(12, 1).filter((s) => !(RESERVED_IDS as readonly string[]).includes(s)),
  },
);

export const textArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  trickyString(12),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"quoted" & \'single\'', 'Zoë’s café 🚀'),
);

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map(zeroNotNegative);
const probability = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map(zeroNotNegative);
const positive = fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true });
const coordinate = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5000, max: 5000 }).map(zeroNotNegative) },
  { weight: 4, arbitrary: num(-1e6, 1e6) },
  { weight: 1, arbitrary: fc.constantFrom(-MAX_COORDINATE, MAX_COORDINATE) },
);
const positionArb = fc.record({ x: coordinate, y: coordinate });

/** `#rrggbb`, lower case: mostly the editor's palette, sometimes any colour a file may hold. */
const colourArb = fc.oneof(
  fc.constantFrom(...COLOUR_PALETTE.map((c) => c.hex)),
  fc.stringMatching(/^#[0-9a-f]{6}$/),
);

/** Stage and channel names: 1..80 characters, not blank (uniqueness is up to the list). */
const nameArb = fc
  .oneof(textArb, trickyString(MAX_NAME_LENGTH / 2, MAX_NAME_LENGTH / 2 - 2), fc.constantFrom('Awareness', ' Purchase ', 'x'.repeat(MAX_NAME_LENGTH)))
  .filter((name) => name.trim() !== '' && name.length <= MAX_NAME_LENGTH);
/** How the format compares names (crossReferences.ts): case-insensitive, ignoring surrounding space. */
const nameKey = (name: string) => name.trim().toLocaleLowerCase();
const uniqueIdsAndNames = { comparator: (a: { id: string; name: string }, b: { id: string; name: string }) => a.id === b.id || nameKey(a.name) === nameKey(b.name) };

const stageWidthArb = fc.oneof(
  fc.integer({ min: STAGE_MIN_WIDTH, max: STAGE_MAX_WIDTH }),
  fc.constantFrom(STAGE_MIN_WIDTH, STAGE_MAX_WIDTH),
  num(STAGE_MIN_WIDTH, STAGE_MAX_WIDTH),
);
const stageArb: fc.Arbitrary<Stage> = fc.record(
  { id: idArb, name: nameArb, colour: colourArb, width: stageWidthArb },
  { requiredKeys: ['id', 'name'] },
);
const channelArb: fc.Arbitrary<Channel> = fc.record({ id: idArb, name: nameArb, colour: colourArb }, { requiredKeys: ['id', 'name'] });

const noteTextArb = fc.oneof(
  { weight: 4, arbitrary: textArb },
  { weight: 1, arbitrary: fc.constantFrom('', 'Line one\nline two', 'x'.repeat(MAX_NOTE_LENGTH), '😀'.repeat(MAX_NOTE_LENGTH / 2)) },
);
const stickyNoteArb: fc.Arbitrary<StickyNote> = fc.record(
  {
    id: idArb,
    text: noteTextArb,
    position: positionArb,
    width: fc.oneof(fc.integer({ min: STICKY_MIN_WIDTH, max: STICKY_MAX_WIDTH }), num(STICKY_MIN_WIDTH, STICKY_MAX_WIDTH)),
  },
  { requiredKeys: ['id', 'text', 'position'] },
);

const frictionArb: fc.Arbitrary<FrictionNote> = fc.record(
  {
    id: idArb,
    note: textArb,
    severity: fc.constantFrom(1, 2, 3, 4, 5),
    resolved: fc.boolean(),
  },
  { requiredKeys: ['id', 'note', 'severity'] },
);

/**
 * One score: mostly typed by hand (the default measure's range, no evidence), sometimes computed from survey
 * answers (version 5): then measured one of `ranges`' ways, with its sample size and an interval that lies in
 * that range and contains the score.
 */
function scoreArb<M extends string>(typed: { min: number; max: number }, ranges: readonly { measure: M; min: number; max: number }[]) {
  type Scored = { value: number; from?: { measure: M; n: number; low: number; high: number } };
  return fc.oneof(
    { weight: 3, arbitrary: num(typed.min, typed.max).map((value): Scored => ({ value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...ranges).chain(({ measure, min, max }) =>
        fc.tuple(num(min, max), num(min, max), num(min, max), fc.integer({ min: 1, max: 100_000 })).map(([a, b, c, n]): Scored => {
          const [low, value, high] = [a, b, c].sort((x, y) => x - y);
          return { value, from: { measure, n, low, high } };
        }),
      ),
    },
  );
}

const scoresArb: fc.Arbitrary<Scores> = fc
  .record(
    {
      nps: scoreArb({ min: -100, max: 100 }, [{ measure: 'nps', min: -100, max: 100 }]),
      csat: scoreArb<CsatMeasure>({ min: 0, max: 100 }, [{ measure: 'top2', min: 0, max: 100 }, { measure: 'mean', min: 1, max: 5 }]),
      ces: scoreArb<CesMeasure>({ min: 1, max: 7 }, [{ measure: 'mean', min: 1, max: 7 }, { measure: 'top3', min: 0, max: 100 }]),
      responses: fc.nat({ max: 100_000 }),
    },
    { requiredKeys: [] },
  )
  .map(({ nps, csat, ces, responses }) => {
    const scores: Scores = {};
    const evidence: ScoresEvidence = {};
    if (nps) {
      scores.nps = nps.value;
      if (nps.from) evidence.nps = { n: nps.from.n, low: nps.from.low, high: nps.from.high };
    }
    if (csat) {
      scores.csat = csat.value;
      if (csat.from) evidence.csat = csat.from;
    }
    if (ces) {
      scores.ces = ces.value;
      if (ces.from) evidence.ces = ces.from;
    }
    if (responses !== undefined) scores.responses = responses;
    if (Object.keys(evidence).length > 0) scores.evidence = evidence;
    return scores;
  });

/** Counts behind a calibrated drop-off (version 5): no more customers leaving than arrived. */
const observedDropOffArb = fc
  .record({ entered: fc.nat({ max: 1_000_000 }), left: fc.nat({ max: 1_000_000 }), designed: probability }, { requiredKeys: ['entered', 'left'] })
  .map(({ entered, left, ...rest }) => ({ ...rest, entered: Math.max(entered, left), left: Math.min(entered, left) }));

/** Counts behind a calibrated edge weight (version 5). */
const observedTransitionsArb = fc.record({ count: fc.nat({ max: 1_000_000 }), designed: positive }, { requiredKeys: ['count'] });

const nodeSeedArb = fc.record(
  {
    id: idArb,
    kind: fc.constantFrom('entry', 'touchpoint', 'outcome'),
    label: textArb,
    stageIndex: fc.nat(),
    channelIndex: fc.nat(),
    position: positionArb,
    description: textArb,
    scores: scoresArb,
    emotion: fc.constantFrom(-2, -1, 0, 1, 2),
    friction: fc.uniqueArray(frictionArb, { selector: (f) => f.id, maxLength: 4 }),
    dropOff: probability,
    share: positive,
    result: fc.constantFrom('success', 'failure'),
    observed: observedDropOffArb,
  },
  { requiredKeys: ['id', 'kind', 'label', 'position', 'friction'] },
);

const edgeSeedArb = fc.record(
  { id: idArb, from: fc.nat(), to: fc.nat(), weight: positive, label: textArb, observed: observedTransitionsArb },
  { requiredKeys: ['id', 'from', 'to', 'weight'] },
);

const simulationArb: fc.Arbitrary<SimulationSettings> = fc.record(
  {
    customers: fc.integer({ min: 1, max: MAX_CUSTOMERS }),
    seed: fc.integer({ min: 0, max: MAX_SEED }),
    maxSteps: fc.integer({ min: 1, max: MAX_STEPS }),
    severityDropOff: fc.tuple(probability, probability, probability, probability, probability),
  },
  { requiredKeys: [] },
);

/**
 * Personas before their overrides are tied to the map's nodes and edges: `at` picks a node or an edge by
 * position (modulo the list), as `stageIndex` does for a node's stage.
 */
const personaSeedArb = fc.record(
  {
    id: idArb,
    name: nameArb,
    description: textArb,
    colour: colourArb,
    share: positive,
    nodes: fc.array(
      fc.record(
        { at: fc.nat(), share: positive, dropOff: probability, emotion: fc.constantFrom(-2, -1, 0, 1, 2) },
        { requiredKeys: ['at'] },
      ),
      { maxLength: 6 },
    ),
    edges: fc.array(fc.record({ at: fc.nat(), weight: positive }), { maxLength: 6 }),
  },
  { requiredKeys: ['id', 'name', 'share', 'nodes', 'edges'] },
);

const titleArb = fc.oneof(
  textArb.filter((title) => title.length >= 1 && title.length <= MAX_TITLE_LENGTH),
  fc.constantFrom('Shorten the payment form', 'x'.repeat(MAX_TITLE_LENGTH), '   '),
);

/** Opportunities before their references are tied to the map: touchpoints and friction notes by position. */
const opportunitySeedArb = fc.record(
  {
    id: idArb,
    title: titleArb,
    description: textArb,
    owner: textArb,
    status: fc.constantFrom('idea', 'planned', 'in-progress', 'done'),
    effort: fc.constantFrom('S', 'M', 'L'),
    touchpoints: fc.array(fc.nat(), { maxLength: 4 }),
    friction: fc.array(fc.record({ at: fc.nat(), note: fc.nat() }), { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'title', 'status', 'effort', 'touchpoints', 'friction'] },
);

/** The optional node fields: what a scenario may leave empty (`unset`). */
const OPTIONAL_NODE_FIELDS = ['stage', 'channel', 'description', 'scores', 'emotion', 'dropOff', 'share', 'result', 'observed'] as const;

/** Other values a scenario gives an as-is node; `stageIndex`/`channelIndex` pick a stage and channel as for nodes. */
const nodeChangeSeedArb = fc.record({
  at: fc.nat(),
  set: fc.record(
    {
      label: textArb,
      stageIndex: fc.nat(),
      channelIndex: fc.nat(),
      position: positionArb,
      description: textArb,
      scores: scoresArb,
      emotion: fc.constantFrom(-2, -1, 0, 1, 2),
      friction: fc.uniqueArray(frictionArb, { selector: (f) => f.id, maxLength: 3 }),
      dropOff: probability,
      share: positive,
      result: fc.constantFrom('success', 'failure'),
      observed: observedDropOffArb,
    },
    { requiredKeys: [] },
  ),
  unset: fc.subarray([...OPTIONAL_NODE_FIELDS]),
});

/**
 * Scenarios before they are tied to the as-is map: changed, removed nodes and edges are picked by position
 * (`at`, modulo the list), added edges by the position of their ends among the scenario's nodes.
 */
const scenarioSeedArb = fc.record(
  {
    id: idArb,
    name: nameArb.filter((name) => nameKey(name) !== 'as-is'),
    description: textArb,
    removedNodes: fc.array(fc.nat(), { maxLength: 2 }),
    changedNodes: fc.array(nodeChangeSeedArb, { maxLength: 4 }),
    addedNodes: fc.array(nodeSeedArb, { maxLength: 3 }),
    removedEdges: fc.array(fc.nat(), { maxLength: 2 }),
    changedEdges: fc.array(
      fc.record({
        at: fc.nat(),
        weight: fc.option(positive, { nil: undefined }),
        label: fc.option(textArb, { nil: undefined }),
        observed: fc.option(observedTransitionsArb, { nil: undefined }),
        unsetLabel: fc.boolean(),
        unsetObserved: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    addedEdges: fc.array(edgeSeedArb, { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'name', 'removedNodes', 'changedNodes', 'addedNodes', 'removedEdges', 'changedEdges', 'addedEdges'] },
);

/**
 * Remembered import mappings (version 5) before they are tied to the map: `at` picks a node by position, as
 * for persona overrides; a score column without `at` feeds the node its row names.
 */
const importsSeedArb = fc.record(
  {
    survey: fc.record({
      columns: fc.array(
        fc.record(
          {
            column: textArb,
            role: fc.constantFrom('nps', 'csat', 'ces', 'touchpoint'),
            at: fc.nat(),
            values: fc.array(fc.record({ value: textArb, at: fc.nat() }), { maxLength: 3 }),
          },
          { requiredKeys: ['column', 'role'] },
        ),
        { maxLength: 4 },
      ),
      csat: fc.constantFrom('top2', 'mean'),
      ces: fc.constantFrom('mean', 'top3'),
    }),
    funnel: fc.record({ steps: fc.array(fc.record({ step: textArb, at: fc.nat() }), { maxLength: 4 }) }),
  },
  { requiredKeys: [] },
);

type ImportsSeed = typeof importsSeedArb extends fc.Arbitrary<infer T> ? T : never;

/** Import mappings that name existing nodes (none when the map has no nodes to name). */
function tieImports({ survey, funnel }: ImportsSeed, nodes: readonly JourneyNode[]): ImportMemory {
  const pick = (at: number) => nodes[at % Math.max(nodes.length, 1)]?.id;
  const imports: ImportMemory = {};
  if (survey) {
    imports.survey = {
      ...survey,
      columns: survey.columns.map(({ at, values, ...column }) => {
        const node = at === undefined ? undefined : pick(at);
        const tied: NonNullable<ImportMemory['survey']>['columns'][number] = node === undefined ? column : { ...column, node };
        if (values === undefined) return tied;
        return { ...tied, values: values.flatMap(({ value, at: v }) => (pick(v) === undefined ? [] : [{ value, node: pick(v)! }])) };
      }),
    };
  }
  if (funnel) imports.funnel = { steps: funnel.steps.flatMap(({ step, at }) => (pick(at) === undefined ? [] : [{ step, node: pick(at)! }])) };
  return imports;
}

type PersonaSeed = typeof personaSeedArb extends fc.Arbitrary<infer T> ? T : never;
type OpportunitySeed = typeof opportunitySeedArb extends fc.Arbitrary<infer T> ? T : never;
type ScenarioSeed = typeof scenarioSeedArb extends fc.Arbitrary<infer T> ? T : never;
type NodeSeed = typeof nodeSeedArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A node from its seed: `stageIndex` and `channelIndex` pick one of the map's stages and channels, if any.
 * An outcome has no drop-off, so no observed counts behind one.
 */
function tieNode({ stageIndex, channelIndex, ...seed }: NodeSeed, stages: readonly Stage[], channels: readonly Channel[]): JourneyNode {
  const node: JourneyNode = { ...seed };
  if (node.kind === 'outcome') delete node.observed;
  if (stageIndex !== undefined && stages.length > 0) node.stage = stages[stageIndex % stages.length].id;
  if (channelIndex !== undefined && channels.length > 0) node.channel = channels[channelIndex % channels.length].id;
  return node;
}

/**
 * A scenario whose changes are valid on the as-is map, as the editor makes them: it removes and changes
 * as-is nodes and edges (each at most once, never both), adds nodes and edges with ids the as-is map does
 * not use, and its added edges keep the rules of `canConnect` in the map with the scenario applied
 * (existing ends, none out of an outcome or into an entry, no self-loop, no second edge between a pair).
 */
function tieScenario(seed: ScenarioSeed, map: Pick<JourneyMap, 'stages' | 'channels' | 'nodes' | 'edges' | 'notes'>): Scenario {
  const changes: ScenarioChanges = { addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [] };
  const pick = <T>(items: readonly T[], at: number): T | undefined => items[at % Math.max(items.length, 1)];
  for (const at of seed.removedNodes) {
    const node = pick(map.nodes, at);
    if (node && !changes.removedNodes.includes(node.id)) changes.removedNodes.push(node.id);
  }
  for (const { at, set: { stageIndex, channelIndex, ...set }, unset } of seed.changedNodes) {
    const node = pick(map.nodes, at);
    if (!node || changes.removedNodes.includes(node.id) || changes.changedNodes.some((c) => c.id === node.id)) continue;
    const fields: ScenarioChanges['changedNodes'][number]['set'] = { ...set };
    if (node.kind === 'outcome') delete fields.observed;
    if (stageIndex !== undefined && map.stages.length > 0) fields.stage = map.stages[stageIndex % map.stages.length].id;
    if (channelIndex !== undefined && map.channels.length > 0) fields.channel = map.channels[channelIndex % map.channels.length].id;
    changes.changedNodes.push({ id: node.id, set: fields, unset: unset.filter((field) => !(field in fields)) });
  }
  const taken = new Set([...map.nodes, ...map.edges, ...map.notes].map((x) => x.id));
  for (const nodeSeed of seed.addedNodes) {
    if (taken.has(nodeSeed.id)) continue;
    taken.add(nodeSeed.id);
    changes.addedNodes.push(tieNode(nodeSeed, map.stages, map.channels));
  }
  const present = [...map.nodes.filter((n) => !changes.removedNodes.includes(n.id)), ...changes.addedNodes];
  const presentIds = new Set(present.map((n) => n.id));
  for (const at of seed.removedEdges) {
    const edge = pick(map.edges, at);
    if (edge && !changes.removedEdges.includes(edge.id)) changes.removedEdges.push(edge.id);
  }
  const pairs = new Set<string>();
  for (const edge of map.edges) {
    if (!changes.removedEdges.includes(edge.id) && presentIds.has(edge.source) && presentIds.has(edge.target)) pairs.add(JSON.stringify([edge.source, edge.target]));
  }
  for (const { at, weight, label, observed, unsetLabel, unsetObserved } of seed.changedEdges) {
    const edge = pick(map.edges, at);
    if (!edge || changes.removedEdges.includes(edge.id) || changes.changedEdges.some((c) => c.id === edge.id)) continue;
    const set: ScenarioChanges['changedEdges'][number]['set'] = {};
    if (weight !== undefined) set.weight = weight;
    if (label !== undefined) set.label = label;
    if (observed !== undefined) set.observed = observed;
    const unset: ScenarioChanges['changedEdges'][number]['unset'] = [];
    if (unsetLabel && label === undefined) unset.push('label');
    if (unsetObserved && observed === undefined) unset.push('observed');
    changes.changedEdges.push({ id: edge.id, set, unset });
  }
  for (const { from, to, ...edgeSeed } of seed.addedEdges) {
    const source = pick(present, from);
    const target = pick(present, to);
    if (!source || !target) break;
    const pair = JSON.stringify([source.id, target.id]);
    if (source.kind === 'outcome' || target.kind === 'entry' || source === target || pairs.has(pair) || taken.has(edgeSeed.id)) continue;
    pairs.add(pair);
    taken.add(edgeSeed.id);
    changes.addedEdges.push({ ...edgeSeed, source: source.id, target: target.id });
  }
  const scenario: Scenario = { id: seed.id, name: seed.name, changes };
  if (seed.description !== undefined) scenario.description = seed.description;
  return scenario;
}

/**
 * A persona as the editor makes one: at most one override per node and per edge, never on an outcome,
 * and only the fields the node's kind may have (OVERRIDABLE). An override left with no field is kept:
 * files may hold one.
 */
function tiePersona({ nodes: overrideSeeds, edges: edgeSeeds, ...rest }: PersonaSeed, nodes: JourneyNode[], edges: JourneyEdge[]): Persona {
  const overrides: NodeOverride[] = [];
  for (const { at, ...fields } of overrideSeeds) {
    const node = nodes[at % Math.max(nodes.length, 1)];
    if (!node || node.kind === 'outcome' || overrides.some((o) => o.node === node.id)) continue;
    const override: NodeOverride = { node: node.id };
    for (const field of OVERRIDABLE[node.kind]) if (fields[field] !== undefined) Object.assign(override, { [field]: fields[field] });
    overrides.push(override);
  }
  const weights: Persona['edges'] = [];
  for (const { at, weight } of edgeSeeds) {
    const edge = edges[at % Math.max(edges.length, 1)];
    if (edge && !weights.some((o) => o.edge === edge.id)) weights.push({ edge: edge.id, weight });
  }
  return { ...rest, nodes: overrides, edges: weights };
}

/**
 * An opportunity as the editor makes one: touchpoints that are entries or touchpoints, each once; friction
 * notes that exist, each once, at touchpoints it names.
 */
function tieOpportunity({ touchpoints: picks, friction: refs, ...rest }: OpportunitySeed, nodes: JourneyNode[]): Opportunity {
  const addressable = nodes.filter((n) => n.kind !== 'outcome');
  const touchpoints: string[] = [];
  for (const at of picks) {
    const node = addressable[at % Math.max(addressable.length, 1)];
    if (node && !touchpoints.includes(node.id)) touchpoints.push(node.id);
  }
  const friction: Opportunity['friction'] = [];
  for (const { at, note } of refs) {
    const node = addressable[at % Math.max(addressable.length, 1)];
    if (!node || node.friction.length === 0) continue;
    const ref = { node: node.id, note: node.friction[note % node.friction.length].id };
    if (friction.some((f) => f.node === ref.node && f.note === ref.note)) continue;
    friction.push(ref);
    if (!touchpoints.includes(node.id)) touchpoints.push(node.id);
  }
  return { ...rest, touchpoints, friction };
}

/**
 * Valid maps: unique ids (nodes, edges and sticky notes share one id space), unique non-blank stage and
 * channel names, references that resolve, edges that `canConnect` allows (no self-loops); personas with
 * unique ids and names whose overrides name existing nodes and edges, and opportunities that name existing
 * touchpoints and friction notes; scenarios with unique ids and names whose changes are valid on the map
 * (tieScenario); scores with evidence, observed counts and import mappings that name existing nodes
 * (version 5).
 */
export const mapArb = ({ maxNodes = 12, maxEdges = 30, maxNotes = 4, maxPersonas = 4, maxOpportunities = 4, maxScenarios = 3 } = {}): fc.Arbitrary<JourneyMap> => fc
  .record(
    {
      id: idArb,
      name: textArb,
      description: textArb,
      stages: fc.uniqueArray(stageArb, { ...uniqueIdsAndNames, maxLength: 6 }),
      channels: fc.uniqueArray(channelArb, { ...uniqueIdsAndNames, maxLength: 7 }),
      nodes: fc.uniqueArray(nodeSeedArb, { selector: (n) => n.id, maxLength: maxNodes }),
      edges: fc.array(edgeSeedArb, { maxLength: maxEdges }),
      notes: fc.array(stickyNoteArb, { maxLength: maxNotes }),
      personas: fc.uniqueArray(personaSeedArb, { ...uniqueIdsAndNames, maxLength: maxPersonas }),
      opportunities: fc.uniqueArray(opportunitySeedArb, { selector: (o) => o.id, maxLength: maxOpportunities }),
      scenarios: fc.uniqueArray(scenarioSeedArb, { ...uniqueIdsAndNames, maxLength: maxScenarios }),
      simulation: simulationArb,
      imports: importsSeedArb,
    },
    { requiredKeys: ['id', 'name', 'description', 'stages', 'channels', 'nodes', 'edges', 'notes', 'personas', 'opportunities', 'scenarios'] },
  )
  .map(({ nodes: seeds, edges: edgeSeeds, notes: noteSeeds, personas: personaSeeds, opportunities: opportunitySeeds, scenarios: scenarioSeeds, imports: importsSeed, ...rest }) => {
    const nodes: JourneyNode[] = seeds.map((seed) => tieNode(seed, rest.stages, rest.channels));
    const taken = new Set(nodes.map((n) => n.id));
    const pairs = new Set<string>();
    const edges: JourneyEdge[] = [];
    for (const { from, to, ...seed } of edgeSeeds) {
      if (nodes.length === 0) break;
      const source = nodes[from % nodes.length];
      const target = nodes[to % nodes.length];
      const pair = JSON.stringify([source.id, target.id]);
      if (source.kind === 'outcome' || target.kind === 'entry' || source === target || pairs.has(pair) || taken.has(seed.id)) continue;
      pairs.add(pair);
      taken.add(seed.id);
      edges.push({ ...seed, source: source.id, target: target.id });
    }
    const notes: StickyNote[] = [];
    for (const note of noteSeeds) {
      if (taken.has(note.id)) continue;
      taken.add(note.id);
      notes.push(note);
    }
    const personas = personaSeeds.map((seed) => tiePersona(seed, nodes, edges));
    const opportunities = opportunitySeeds.map((seed) => tieOpportunity(seed, nodes));
    const scenarios = scenarioSeeds.map((seed) => tieScenario(seed, { stages: rest.stages, channels: rest.channels, nodes, edges, notes }));
    const map = { ...rest, nodes, edges, notes, personas, opportunities, scenarios } as JourneyMap;
    if (importsSeed) map.imports = tieImports(importsSeed, nodes);
    return map;
  });

export const journeyMapArb = mapArb();

/** fast-check generators for valid journey maps and for the ways a map file gets damaged. */
import fc from 'fast-check';
import type { Channel, FrictionNote, JourneyEdge, JourneyMap, JourneyNode, SimulationSettings, Stage } from '../../../src/domain/types';
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
const coordinate = fc.oneof(fc.integer({ min: -5000, max: 5000 }).map(zeroNotNegative), num(-1e6, 1e6));

const stageArb: fc.Arbitrary<Stage> = fc.record({ id: idArb, name: textArb });
const channelArb: fc.Arbitrary<Channel> = fc.record({ id: idArb, name: textArb });

const frictionArb: fc.Arbitrary<FrictionNote> = fc.record(
  {
    id: idArb,
    note: textArb,
    severity: fc.constantFrom(1, 2, 3, 4, 5),
    resolved: fc.boolean(),
  },
  { requiredKeys: ['id', 'note', 'severity'] },
);

const scoresArb = fc.record(
  { nps: num(-100, 100), csat: num(0, 100), ces: num(1, 7), responses: fc.nat({ max: 100_000 }) },
  { requiredKeys: [] },
);

const nodeSeedArb = fc.record(
  {
    id: idArb,
    kind: fc.constantFrom('entry', 'touchpoint', 'outcome'),
    label: textArb,
    stageIndex: fc.nat(),
    channelIndex: fc.nat(),
    position: fc.record({ x: coordinate, y: coordinate }),
    description: textArb,
    scores: scoresArb,
    emotion: fc.constantFrom(-2, -1, 0, 1, 2),
    friction: fc.uniqueArray(frictionArb, { selector: (f) => f.id, maxLength: 4 }),
    dropOff: probability,
    share: positive,
    result: fc.constantFrom('success', 'failure'),
  },
  { requiredKeys: ['id', 'kind', 'label', 'position', 'friction'] },
);

const edgeSeedArb = fc.record(
  { id: idArb, from: fc.nat(), to: fc.nat(), weight: positive, label: textArb },
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

/** Valid maps: unique ids, references that resolve, edges that `connect` would allow. */
export const mapArb = ({ maxNodes = 12, maxEdges = 30 } = {}): fc.Arbitrary<JourneyMap> => fc
  .record(
    {
      id: idArb,
      name: textArb,
      description: textArb,
      stages: fc.uniqueArray(stageArb, { selector: (s) => s.id, maxLength: 6 }),
      channels: fc.uniqueArray(channelArb, { selector: (c) => c.id, maxLength: 7 }),
      nodes: fc.uniqueArray(nodeSeedArb, { selector: (n) => n.id, maxLength: maxNodes }),
      edges: fc.array(edgeSeedArb, { maxLength: maxEdges }),
      simulation: simulationArb,
    },
    { requiredKeys: ['id', 'name', 'description', 'stages', 'channels', 'nodes', 'edges'] },
  )
  .map(({ nodes: seeds, edges: edgeSeeds, ...rest }) => {
    const nodes: JourneyNode[] = seeds.map(({ stageIndex, channelIndex, ...seed }) => {
      const node: JourneyNode = { ...seed };
      if (stageIndex !== undefined && rest.stages.length > 0) node.stage = rest.stages[stageIndex % rest.stages.length].id;
      if (channelIndex !== undefined && rest.channels.length > 0) node.channel = rest.channels[channelIndex % rest.channels.length].id;
      return node;
    });
    const taken = new Set(nodes.map((n) => n.id));
    const pairs = new Set<string>();
    const edges: JourneyEdge[] = [];
    for (const { from, to, ...seed } of edgeSeeds) {
      if (nodes.length === 0) break;
      const source = nodes[from % nodes.length];
      const target = nodes[to % nodes.length];
      const pair = JSON.stringify([source.id, target.id]);
      if (source.kind === 'outcome' || target.kind === 'entry' || pairs.has(pair) || taken.has(seed.id)) continue;
      pairs.add(pair);
      taken.add(seed.id);
      edges.push({ ...seed, source: source.id, target: target.id });
    }
    return { ...rest, nodes, edges } as JourneyMap;
  });

export const journeyMapArb = mapArb();

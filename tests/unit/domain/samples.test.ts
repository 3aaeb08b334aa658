import { invariantProblems } from '../../../src/domain/edits';
import { NODE_WIDTH, stageBands, stageForPosition } from '../../../src/domain/layout';
import { TEMPLATES } from '../../../src/domain/samples';
import { COLOUR_PALETTE, DEFAULT_STAGES } from '../../../src/domain/types';
import { exportMapText, formatProblem, importMapText, validateMap } from '../../../src/format';

/** Online store keeps the classic five; the others read as the customer lives them. */
const STAGE_NAMES: Record<string, string[]> = {
  'Online store': DEFAULT_STAGES.map((s) => s.name),
  'Bank account opening': ['Discover', 'Apply', 'Verify', 'Onboard', 'Use'],
  'Telecom support': ['Problem', 'Contact', 'Diagnosis', 'Resolution', 'Follow-up'],
};

describe('templates', () => {
  it('lists Online store first, then the bank and telecom journeys, with unique ids', () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual(['Online store', 'Bank account opening', 'Telecom support']);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.create().id)).size).toBe(TEMPLATES.length);
  });

  it('keeps the classic five stages for the Online store; tints any stage only from the palette', () => {
    expect(TEMPLATES[0].create().stages).toEqual(DEFAULT_STAGES);
    const palette = new Set<string>(COLOUR_PALETTE.map((c) => c.hex));
    for (const t of TEMPLATES) for (const stage of t.create().stages) if (stage.colour !== undefined) expect(palette.has(stage.colour)).toBe(true);
  });

  describe.each(TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, template) => {
    const map = template.create();

    it('validates and imports clean, with no warnings', () => {
      const validated = validateMap(map);
      expect(validated.ok ? [] : validated.problems.map(formatProblem)).toEqual([]);
      expect(importMapText(exportMapText(map))).toEqual({ ok: true, map, warnings: [] });
      expect(invariantProblems(map)).toEqual([]);
    });

    it('has stages that fit the journey, each used, each node placed in its stage band', () => {
      expect(map.stages.map((s) => s.name)).toEqual(STAGE_NAMES[template.name]);
      expect(new Set(map.nodes.map((n) => n.stage))).toEqual(new Set(map.stages.map((s) => s.id)));
      for (const node of map.nodes) expect([node.id, stageForPosition(map, node.position)]).toEqual([node.id, node.stage]);
    });

    it('has entries with shares and outcomes with results, at least one of them a success', () => {
      const entries = map.nodes.filter((n) => n.kind === 'entry');
      const outcomes = map.nodes.filter((n) => n.kind === 'outcome');
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(e.share).toBeGreaterThan(0);
      expect(outcomes.some((o) => o.result === 'success')).toBe(true);
      for (const o of outcomes) expect(o.result).toBeDefined();
    });

    it('gives touchpoints plausible scores with their response counts, emotions and friction', () => {
      const touchpoints = map.nodes.filter((n) => n.kind === 'touchpoint');
      expect(touchpoints.length).toBeGreaterThanOrEqual(5);
      for (const t of touchpoints) {
        expect(t.scores?.responses).toBeGreaterThanOrEqual(30);
        expect(t.emotion).toBeDefined();
      }
      const friction = touchpoints.flatMap((t) => t.friction);
      expect(new Set(friction.map((f) => f.severity)).size).toBeGreaterThanOrEqual(2);
      expect(touchpoints.some((t) => t.dropOff !== undefined)).toBe(true);
    });

    it('lets every customer reach an outcome: each node is reachable from an entry and leads on', () => {
      const reached = new Set(map.nodes.filter((n) => n.kind === 'entry').map((n) => n.id));
      for (let grew = true; grew; ) {
        grew = false;
        for (const e of map.edges) if (reached.has(e.source) && !reached.has(e.target)) reached.add(e.target), (grew = true);
      }
      expect(map.nodes.filter((n) => !reached.has(n.id)).map((n) => n.id)).toEqual([]);
      const leadsOn = new Set(map.edges.map((e) => e.source));
      expect(map.nodes.filter((n) => n.kind !== 'outcome' && !leadsOn.has(n.id)).map((n) => n.id)).toEqual([]);
    });

    it('fits every card inside its own stage band, without overlapping another card', () => {
      const bands = new Map(stageBands(map).map((b) => [b.id, b]));
      for (const node of map.nodes) {
        const band = bands.get(node.stage!)!;
        expect([node.id, node.position.x >= band.x && node.position.x + NODE_WIDTH <= band.x + band.width]).toEqual([node.id, true]);
      }
      // Cards are at most 140 px tall; within one column they stand at least that far apart.
      for (const a of map.nodes) {
        for (const b of map.nodes) {
          if (a === b || a.position.x !== b.position.x) continue;
          expect([a.id, b.id, Math.abs(a.position.y - b.position.y) >= 140]).toEqual([a.id, b.id, true]);
        }
      }
    });

    it('creates a fresh map each time', () => {
      const first = template.create();
      first.nodes[0].label = 'changed';
      first.stages[0].name = 'changed';
      expect(template.create()).toEqual(map);
    });
  });
});

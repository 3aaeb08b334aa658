import { invariantProblems } from '../../../src/domain/edits';
import { NODE_WIDTH, stageBands, stageForPosition } from '../../../src/domain/layout';
import { addressedNotes, isOpen, withNotesResolved } from '../../../src/domain/opportunities';
import { effectiveDropOff } from '../../../src/domain/queries';
import { personaShares, personaView } from '../../../src/domain/personas';
import { onlineStoreSample, TEMPLATES } from '../../../src/domain/samples';
import { COLOUR_PALETTE, DEFAULT_STAGES, type JourneyMap } from '../../../src/domain/types';
import { exportMapText, formatProblem, importMapText, validateMap } from '../../../src/format';
import { analyseJourney } from '../../../src/simulation/simulate';

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

describe('the Online store sample’s personas and opportunities', () => {
  const map = onlineStoreSample();
  const node = (view: JourneyMap, id: string) => view.nodes.find((n) => n.id === id)!;
  const firstTime = personaView(map, 'persona-first-time');
  const returning = personaView(map, 'persona-returning');
  /** The exact success rate of one persona alone: the map as it sees it, as one population. */
  const successOf = (view: JourneyMap) => analyseJourney({ ...view, personas: [] }).exact.success;

  it('validates with them: every override and reference resolves', () => {
    const validated = validateMap(map);
    expect(validated.ok ? validated.warnings : validated.problems.map(formatProblem)).toEqual([]);
    expect(map.personas.length).toBeGreaterThan(0);
    expect(map.opportunities.length).toBeGreaterThan(0);
  });

  it('splits customers 60 : 40 between first-time buyers and returning customers, each in its own palette colour', () => {
    expect(map.personas.map((p) => [p.name, p.share])).toEqual([['First-time buyer', 60], ['Returning customer', 40]]);
    expect(personaShares(map)).toEqual([0.6, 0.4]);
    const palette = new Set<string>(COLOUR_PALETTE.map((c) => c.hex));
    expect(map.personas.every((p) => p.colour !== undefined && palette.has(p.colour) && p.description)).toBe(true);
    expect(new Set(map.personas.map((p) => p.colour)).size).toBe(2);
  });

  it('has first-time buyers abandon checkout more, and feel worse there, than returning customers', () => {
    const checkout = [node(firstTime, 'checkout-payment'), node(returning, 'checkout-payment')];
    expect(effectiveDropOff(checkout[0])).toBeGreaterThan(effectiveDropOff(checkout[1]));
    expect(checkout[0].emotion).toBeLessThan(checkout[1].emotion!);
    expect(node(firstTime, 'cart').dropOff).toBeGreaterThan(node(map, 'cart').dropOff!);
    expect(node(firstTime, 'cart').emotion).toBeLessThan(node(map, 'cart').emotion!);
  });

  it('has returning customers prefer other paths: straight to the cart, and back for another purchase', () => {
    const weight = (view: JourneyMap, id: string) => view.edges.find((e) => e.id === id)!.weight;
    expect(weight(returning, 'e-product-cart')).toBeGreaterThan(weight(map, 'e-product-cart'));
    expect(weight(returning, 'e-email-repeat')).toBeGreaterThan(weight(map, 'e-email-repeat'));
    expect(weight(firstTime, 'e-product-chat')).toBeGreaterThan(weight(returning, 'e-product-chat'));
    expect(successOf(returning)).toBeGreaterThan(successOf(map));
    expect(successOf(firstTime)).toBeLessThan(successOf(map));
  });

  it('gives most touchpoints an emotion, and lets each persona see the emotion curve differently', () => {
    const touchpoints = map.nodes.filter((n) => n.kind === 'touchpoint');
    expect(touchpoints.filter((t) => t.emotion !== undefined).length).toBeGreaterThan(touchpoints.length / 2);
    const curve = (view: JourneyMap) => view.nodes.filter((n) => n.kind === 'touchpoint').map((n) => n.emotion);
    expect(curve(firstTime)).not.toEqual(curve(map));
    expect(curve(returning)).not.toEqual(curve(map));
  });

  it('plans a medium-effort fix, with an owner, for the severity-4 payment-form note; every opportunity addresses open friction', () => {
    expect(map.opportunities.length).toBeGreaterThanOrEqual(2);
    expect(map.opportunities.length).toBeLessThanOrEqual(3);
    const checkoutFix = map.opportunities.find((o) => o.friction.some((f) => f.node === 'checkout-payment' && f.note === 'f-payment-form'));
    expect(checkoutFix).toMatchObject({ status: 'planned', effort: 'M', owner: expect.any(String) });
    const note = node(map, 'checkout-payment').friction.find((f) => f.id === 'f-payment-form')!;
    expect(note.severity).toBe(4);
    for (const opportunity of map.opportunities) {
      expect(isOpen(opportunity)).toBe(true);
      const notes = addressedNotes(map, opportunity);
      expect(notes.length).toBeGreaterThan(0);
      for (const ref of notes) expect(node(map, ref.node).friction.find((f) => f.id === ref.note)?.resolved).toBeUndefined();
    }
    expect(new Set(map.opportunities.map((o) => o.title)).size).toBe(map.opportunities.length);
  });

  it('gives every opportunity a value: resolving what it addresses raises the success rate of some persona', () => {
    for (const opportunity of map.opportunities) {
      const fixed = withNotesResolved(map, addressedNotes(map, opportunity));
      const gains = map.personas.map((p) => successOf(personaView(fixed, p.id)) - successOf(personaView(map, p.id)));
      expect([opportunity.id, gains.every((gain) => gain >= 0), gains.some((gain) => gain > 1e-3)]).toEqual([opportunity.id, true, true]);
    }
    // The checkout fix is for first-time buyers: returning customers pay with a saved card.
    const checkoutFix = withNotesResolved(map, [{ node: 'checkout-payment', note: 'f-payment-form' }]);
    expect(successOf(personaView(checkoutFix, 'persona-first-time'))).toBeGreaterThan(successOf(firstTime) + 0.01);
    expect(successOf(personaView(checkoutFix, 'persona-returning'))).toBe(successOf(returning));
  });
});

/**
 * pruneReferences, through the edits that remove things: whatever is removed from whatever valid map, the
 * map still validates (its scenarios applied too), only the references, scenario changes and import mappings
 * naming what went are dropped, and no opportunity comes to address a friction note it did not address before.
 */
import fc from 'fast-check';
import { produce } from 'immer';
import { removeEdges, removeFriction, removeNodes } from '../../../src/domain/edits';
import { addressedNotes } from '../../../src/domain/opportunities';
import type { ImportMemory, JourneyMap } from '../../../src/domain/types';
import { formatProblem, validateMap } from '../../../src/format';
import { makeMap } from '../../support/maps';
import { mapArb } from '../format/arbitraries';
import { deepFreeze } from '../format/helpers';

const removalArb = fc.record({ what: fc.constantFrom('node', 'edge', 'friction'), at: fc.nat(), note: fc.nat() });
type Removal = typeof removalArb extends fc.Arbitrary<infer R> ? R : never;

/** Applies the removal to a draft; returns what went (node ids, edge ids, "node/note" keys). */
function remove(map: JourneyMap, { what, at, note }: Removal): { nodes: Set<string>; edges: Set<string>; notes: Set<string> } {
  const gone = { nodes: new Set<string>(), edges: new Set<string>(), notes: new Set<string>() };
  if (what === 'edge') {
    const edge = map.edges[at % Math.max(map.edges.length, 1)];
    if (edge) {
      gone.edges.add(edge.id);
      removeEdges(map, [edge.id]);
    }
    return gone;
  }
  const node = map.nodes[at % Math.max(map.nodes.length, 1)];
  if (!node) return gone;
  if (what === 'node') {
    gone.nodes.add(node.id);
    for (const e of map.edges) if (e.source === node.id || e.target === node.id) gone.edges.add(e.id);
    for (const f of node.friction) gone.notes.add(`${node.id}/${f.id}`);
    removeNodes(map, [node.id]);
  } else if (node.friction.length > 0) {
    const f = node.friction[note % node.friction.length];
    gone.notes.add(`${node.id}/${f.id}`);
    removeFriction(map, node.id, f.id);
  }
  return gone;
}

const keyOf = (ref: { node: string; note: string }) => `${ref.node}/${ref.note}`;

/** The import mappings without those naming the nodes that went: a score column fed by one goes whole. */
function importsWithout(imports: ImportMemory, gone: ReadonlySet<string>): ImportMemory {
  const kept: ImportMemory = { ...imports };
  if (imports.survey) {
    kept.survey = {
      ...imports.survey,
      columns: imports.survey.columns
        .filter((c) => c.node === undefined || !gone.has(c.node))
        .map((c) => (c.values ? { ...c, values: c.values.filter((v) => !gone.has(v.node)) } : c)),
    };
  }
  if (imports.funnel) kept.funnel = { steps: imports.funnel.steps.filter((s) => !gone.has(s.node)) };
  return kept;
}

describe('removing a node, an edge or a friction note', () => {
  it('keeps every generated map valid, dropping only the references (scenario changes, import mappings) to what went and never widening an opportunity', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 16 }), removalArb, (map, removal) => {
        let gone = { nodes: new Set<string>(), edges: new Set<string>(), notes: new Set<string>() };
        const after = produce(map, (draft) => {
          gone = remove(draft, removal);
        });
        const result = validateMap(after);
        expect(result.ok ? result.warnings : result.problems.map(formatProblem)).toEqual([]);

        after.personas.forEach((persona, i) => {
          const before = map.personas[i];
          expect(persona.nodes).toEqual(before.nodes.filter((o) => !gone.nodes.has(o.node)));
          expect(persona.edges).toEqual(before.edges.filter((o) => !gone.edges.has(o.edge)));
        });
        after.opportunities.forEach((opportunity, i) => {
          const before = map.opportunities[i];
          expect(opportunity.friction).toEqual(before.friction.filter((ref) => !gone.notes.has(keyOf(ref))));
          expect(before.touchpoints.filter((id) => !gone.nodes.has(id))).toEqual(expect.arrayContaining(opportunity.touchpoints));
          const was = new Set(addressedNotes(map, before).map(keyOf));
          for (const ref of addressedNotes(after, opportunity)) expect(was.has(keyOf(ref))).toBe(true);
        });
        after.scenarios.forEach((scenario, i) => {
          const before = map.scenarios[i].changes;
          const c = scenario.changes;
          expect(c.removedNodes).toEqual(before.removedNodes.filter((id) => !gone.nodes.has(id)));
          expect(c.changedNodes).toEqual(before.changedNodes.filter((ch) => !gone.nodes.has(ch.id)));
          expect(c.removedEdges).toEqual(before.removedEdges.filter((id) => !gone.edges.has(id)));
          expect(c.changedEdges).toEqual(before.changedEdges.filter((ch) => !gone.edges.has(ch.id)));
          expect(c.addedNodes).toEqual(before.addedNodes);
          expect(c.addedEdges).toEqual(before.addedEdges.filter((e) => !gone.nodes.has(e.source) && !gone.nodes.has(e.target)));
        });
        if (map.imports === undefined) expect(after).not.toHaveProperty('imports');
        else expect(after.imports).toEqual(importsWithout(map.imports, gone.nodes));
        // Mappings naming nothing that went are not touched (no change, so no undo step).
        const named = [
          ...(map.imports?.survey?.columns.flatMap((c) => [c.node, ...(c.values ?? []).map((v) => v.node)]) ?? []),
          ...(map.imports?.funnel?.steps.map((st) => st.node) ?? []),
        ];
        if (!named.some((id) => id !== undefined && gone.nodes.has(id))) expect(after.imports).toBe(map.imports);
      }),
      { numRuns: 300 },
    );
  });
});

describe('removing a node named by import mappings', () => {
  function mapped(): JourneyMap {
    return makeMap({
      imports: {
        survey: {
          columns: [
            { column: 'Which page?', role: 'touchpoint', values: [{ value: 'Product', node: 'tp-web' }, { value: 'Checkout', node: 'tp-checkout' }] },
            { column: 'Rate the product page', role: 'csat', node: 'tp-web' },
            { column: 'How easy was paying?', role: 'ces', node: 'tp-checkout' },
            { column: 'Recommend us?', role: 'nps' },
          ],
          csat: 'mean',
          ces: 'top3',
        },
        funnel: { steps: [{ step: '/product', node: 'tp-web' }, { step: '/checkout', node: 'tp-checkout' }, { step: '/p', node: 'tp-web' }] },
      },
    });
  }

  it('forgets the columns, values and steps mapped to it, keeping the rest and the measures', () => {
    const map = mapped();
    removeNodes(map, ['tp-web']);
    expect(map.imports).toEqual({
      survey: {
        columns: [
          { column: 'Which page?', role: 'touchpoint', values: [{ value: 'Checkout', node: 'tp-checkout' }] },
          { column: 'How easy was paying?', role: 'ces', node: 'tp-checkout' },
          { column: 'Recommend us?', role: 'nps' },
        ],
        csat: 'mean',
        ces: 'top3',
      },
      funnel: { steps: [{ step: '/checkout', node: 'tp-checkout' }] },
    });
    expect(validateMap(map).ok).toBe(true);
  });

  it('replaces the mappings instead of changing them: a (frozen) earlier map keeps its own', () => {
    const before = deepFreeze(mapped());
    const after = produce(before, (draft) => removeNodes(draft, ['tp-checkout']));
    expect(before.imports?.funnel?.steps).toHaveLength(3);
    expect(after.imports?.funnel?.steps).toEqual([{ step: '/product', node: 'tp-web' }, { step: '/p', node: 'tp-web' }]);
    // Removing a node nothing maps keeps the very same mappings, and a map without any gains none.
    const unmapped = produce(before, (draft) => removeNodes(draft, ['out-lost']));
    expect(unmapped.imports).toBe(before.imports);
    const none = makeMap();
    removeNodes(none, ['tp-web']);
    expect(none).not.toHaveProperty('imports');
  });
});

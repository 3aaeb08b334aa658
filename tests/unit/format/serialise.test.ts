import fc from 'fast-check';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { JourneyMap, ScenarioChanges } from '../../../src/domain/types';
import { exportMapText, FORMAT_VERSION, importMapText } from '../../../src/format';
import { journeyMapArb } from './arbitraries';
import { expectMap } from './helpers';

function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
  }
  return value;
}

describe('exportMapText', () => {
  it('writes the envelope first, 2-space indented, ending with a newline', () => {
    const text = exportMapText(onlineStoreSample());
    expect(text.startsWith(`{\n  "format": "journey-map",\n  "version": ${FORMAT_VERSION},\n  "id": "sample-online-store",\n  "name": "Online store",\n`)).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format', 'version', 'id', 'name', 'description', 'stages', 'channels', 'nodes', 'edges', 'notes', 'personas', 'opportunities', 'scenarios',
    ]);
    expect(text).toContain('\n  "notes": [],\n  "personas": [\n    {\n      "id": "persona-first-time",\n      "name": "First-time buyer",\n');
    expect(text).toContain('\n          "node": "checkout-payment",\n          "dropOff": 0.05,\n          "emotion": -1\n');
    expect(text.endsWith('\n      "touchpoints": [\n        "live-chat"\n      ],\n      "friction": []\n    }\n  ],\n  "scenarios": []\n}\n')).toBe(true);
    expect(text).toContain('\n    {\n      "id": "search-ad",\n      "kind": "entry",\n');
    expect(text).toContain('\n    {\n      "id": "website",\n      "name": "Website",\n      "colour": "#1d4ed8"\n    },\n');
  });

  it('is byte-identical for the same map, whatever order its keys were set in', () => {
    const map = onlineStoreSample();
    expect(exportMapText(map)).toBe(exportMapText(onlineStoreSample()));
    expect(exportMapText(reverseKeys(map))).toBe(exportMapText(map));
  });

  it('changes one line when one score changes', () => {
    const before = exportMapText(onlineStoreSample()).split('\n');
    const map = onlineStoreSample();
    map.nodes[6].scores!.csat = 55;
    const after = exportMapText(map).split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['        "csat": 55,']);
  });

  it('leaves out runtime extras and undefined fields', () => {
    const map = onlineStoreSample() as JourneyMap & { selected?: boolean };
    map.selected = true;
    map.nodes[0].description = undefined;
    (map.nodes[0] as unknown as Record<string, unknown>).measured = { width: 190 };
    const text = exportMapText(map);
    expect(text).not.toMatch(/selected|measured/);
    expect(text).toBe(exportMapText(onlineStoreSample()));
  });

  it('is tested on generated maps that hold personas with overrides, opportunities with references and scenarios with changes', () => {
    // Guards the round trip below (and the fuzz tests) against a generator that stops producing them.
    const maps = fc.sample(journeyMapArb, { numRuns: 200, seed: 42 });
    const share = (test: (map: JourneyMap) => boolean) => maps.filter(test).length / maps.length;
    expect(share((m) => m.personas.some((p) => p.nodes.some((o) => Object.keys(o).length > 1)))).toBeGreaterThan(0.3);
    expect(share((m) => m.personas.some((p) => p.edges.length > 0))).toBeGreaterThan(0.2);
    expect(share((m) => m.opportunities.some((o) => o.friction.length > 0))).toBeGreaterThan(0.3);
    expect(share((m) => m.opportunities.some((o) => o.touchpoints.length > 0))).toBeGreaterThan(0.3);
    const changes = (test: (c: ScenarioChanges) => boolean) => share((m) => m.scenarios.some((s) => test(s.changes)));
    expect(share((m) => m.scenarios.length > 0)).toBeGreaterThan(0.5);
    expect(changes((c) => c.changedNodes.some((ch) => Object.keys(ch.set).length > 0))).toBeGreaterThan(0.3);
    expect(changes((c) => c.changedNodes.some((ch) => ch.unset.length > 0))).toBeGreaterThan(0.2);
    expect(changes((c) => c.changedEdges.length > 0)).toBeGreaterThan(0.1);
    expect(changes((c) => c.removedNodes.length > 0)).toBeGreaterThan(0.3);
    expect(changes((c) => c.removedEdges.length > 0)).toBeGreaterThan(0.15);
    expect(changes((c) => c.addedNodes.length > 0)).toBeGreaterThan(0.3);
    expect(changes((c) => c.addedEdges.length > 0)).toBeGreaterThan(0.2);
  });

  it('is tested on generated maps that hold scores with evidence, observed counts and import mappings (version 5)', () => {
    const maps = fc.sample(journeyMapArb, { numRuns: 200, seed: 42 });
    const share = (test: (map: JourneyMap) => boolean) => maps.filter(test).length / maps.length;
    const evidence = (test: (e: NonNullable<NonNullable<JourneyMap['nodes'][number]['scores']>['evidence']>) => boolean) =>
      share((m) => m.nodes.some((n) => n.scores?.evidence !== undefined && test(n.scores.evidence)));
    expect(evidence((e) => e.nps !== undefined)).toBeGreaterThan(0.2);
    expect(evidence((e) => e.csat?.measure === 'mean')).toBeGreaterThan(0.15);
    expect(evidence((e) => e.csat?.measure === 'top2')).toBeGreaterThan(0.15);
    expect(evidence((e) => e.ces?.measure === 'top3')).toBeGreaterThan(0.15);
    expect(evidence((e) => e.ces?.measure === 'mean')).toBeGreaterThan(0.15);
    expect(share((m) => m.nodes.some((n) => n.observed !== undefined))).toBeGreaterThan(0.5);
    expect(share((m) => m.edges.some((e) => e.observed !== undefined))).toBeGreaterThan(0.3);
    expect(share((m) => m.scenarios.some((s) => s.changes.changedNodes.some((ch) => ch.set.observed !== undefined)))).toBeGreaterThan(0.2);
    expect(share((m) => (m.imports?.survey?.columns ?? []).some((c) => c.node !== undefined))).toBeGreaterThan(0.3);
    expect(share((m) => (m.imports?.survey?.columns ?? []).some((c) => (c.values?.length ?? 0) > 0))).toBeGreaterThan(0.3);
    expect(share((m) => (m.imports?.funnel?.steps.length ?? 0) > 0)).toBeGreaterThan(0.3);
  });

  it('round-trips every valid map: import(export(map)) equals map, and exports again identically', () => {
    fc.assert(
      fc.property(journeyMapArb, (map) => {
        const text = exportMapText(map);
        const back = expectMap(importMapText(text));
        expect(back).toEqual(map);
        expect(exportMapText(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

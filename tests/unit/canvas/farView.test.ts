import { describe, expect, it } from 'vitest';
import { farScene } from '../../../src/canvas/farView/farScene';
import { CARD_HEIGHT_ESTIMATE, cardAt, FAR_VIEW_MIN_CARDS, FAR_VIEW_ZOOM, isFarView } from '../../../src/canvas/farView/farZoom';
import { NODE_WIDTH } from '../../../src/domain/layout';
import { makeMap } from '../simulation/maps';

/** Three touchpoints in a row, 300 px apart, the first on channel "web"; a note below the second. */
function row() {
  const map = makeMap([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [['a', 'b'], ['b', 'c']]);
  map.nodes.forEach((n, i) => (n.position = { x: i * 300, y: 0 }));
  map.channels = [{ id: 'web', name: 'Website', colour: '#2563eb' }];
  map.nodes[0].channel = 'web';
  map.notes = [{ id: 'note', text: 'Idea', position: { x: 300, y: 200 }, width: 150 }];
  return map;
}

describe('when a map is drawn as one picture', () => {
  it('only big maps, only from far', () => {
    expect(isFarView(FAR_VIEW_MIN_CARDS, FAR_VIEW_ZOOM - 0.01)).toBe(true);
    expect(isFarView(FAR_VIEW_MIN_CARDS - 1, 0.05)).toBe(false);
    expect(isFarView(10_000, FAR_VIEW_ZOOM)).toBe(false);
  });
});

describe('the far view picture', () => {
  const base = { size: { width: 1000, height: 600 }, selected: new Set<string>(), neutral: '#475569' };

  it('places cards and notes on screen by the viewport, with measured sizes where known', () => {
    const map = row();
    const { cards } = farScene({ ...base, map, viewport: { x: 10, y: 20, zoom: 0.5 }, sizes: new Map([['b', { width: 200, height: 90 }]]) });
    const a = cards.find((c) => c.id === 'a')!, b = cards.find((c) => c.id === 'b')!, note = cards.find((c) => c.id === 'note')!;
    expect(a).toMatchObject({ x: 10, y: 20, width: NODE_WIDTH * 0.5, height: CARD_HEIGHT_ESTIMATE * 0.5, border: '#2563eb', fill: '#ffffff' });
    expect(b).toMatchObject({ x: 160, y: 20, width: 100, height: 45, border: '#475569' });
    expect(note).toMatchObject({ x: 160, y: 120, width: 75, kind: 'note' });
  });

  it('leaves out what is off screen, and joins source right to target left', () => {
    const { cards, lines } = farScene({ ...base, map: row(), viewport: { x: -500, y: 0, zoom: 1 } });
    expect(cards.map((c) => c.id)).toEqual(['c']);
    // a → b lies wholly left of the screen; b → c starts at b's right side (x = 300 + 190 − 500).
    expect(lines).toEqual([{ x0: -10, y0: CARD_HEIGHT_ESTIMATE / 2, x1: 100, y1: CARD_HEIGHT_ESTIMATE / 2, onPath: false }]);
  });

  it('fills cards with their heat and marks the selection', () => {
    const { cards } = farScene({ ...base, map: row(), viewport: { x: 0, y: 0, zoom: 1 }, selected: new Set(['c']), heat: (id) => (id === 'b' ? 'hsl(0 90% 70%)' : undefined) });
    expect(cards.find((c) => c.id === 'b')!.fill).toBe('hsl(0 90% 70%)');
    expect(cards.find((c) => c.id === 'c')!.selected).toBe(true);
    expect(cards.find((c) => c.id === 'a')!.selected).toBe(false);
  });
});

describe('a highlighted path in the far view', () => {
  it('marks its steps and leaves the cards off it faint, notes included; nothing is faint without a path', () => {
    const input = { size: { width: 1000, height: 600 }, selected: new Set<string>(), neutral: '#475569', map: row(), viewport: { x: 0, y: 0, zoom: 1 } };
    const { cards, lines } = farScene({ ...input, path: ['a', 'b'] });
    expect(cards.filter((c) => c.offPath).map((c) => c.id).sort()).toEqual(['c', 'note']);
    expect(lines.map((l) => l.onPath)).toEqual([true, false]);
    expect(farScene(input).cards.some((c) => c.offPath)).toBe(false);
  });
});

describe('a click on the far view', () => {
  it('picks the card under it, notes above cards, within the slack, else nothing', () => {
    const map = row();
    expect(cardAt(map, { x: 310, y: 10 }, 0)).toEqual({ id: 'b', note: false });
    expect(cardAt(map, { x: 350, y: 210 }, 0)).toEqual({ id: 'note', note: true });
    expect(cardAt(map, { x: 230, y: 10 }, 0)).toBeNull();
    // 40 px right of a's edge (190), 70 px left of b's (300): a, with enough slack.
    expect(cardAt(map, { x: 230, y: 10 }, 45)).toEqual({ id: 'a', note: false });
    expect(cardAt(map, { x: 310, y: 100 }, 0, new Map([['b', { width: 190, height: 80 }]]))).toBeNull();
  });
});

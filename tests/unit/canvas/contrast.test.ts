import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heatColour as canvasHeat } from '../../../src/canvas/simulationOverlay';
import { BAD, EMOTION_TEXT_COLOURS, GOOD, heatColour, hslHex, INK, INK_2, MUTED, ON_HEAT } from '../../../src/render/colours';

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The canvas writes its tint as `hsl(h s% l%)`; the same colour as hex. */
function hslText(css: string): string {
  const [h, s, l] = css.match(/[\d.]+/g)!.map(Number);
  return hslHex(h, s / 100, l / 100);
}

const AA = 4.5;
const LEVELS = Array.from({ length: 101 }, (_, i) => i / 100);
const CSS = readFileSync(new URL('../../../src/app/app.css', import.meta.url), 'utf8');
const cssColour = (property: string) => CSS.match(new RegExp(`${property}:\\s*(#[0-9a-f]{6})`))?.[1];

describe('text on heat-tinted cards', () => {
  it('is at least 4.5:1 on the tint at every heat level, for the name (INK) and for every other word (ON_HEAT)', () => {
    for (const level of LEVELS) {
      const tint = heatColour(level);
      expect(contrast(INK, tint), `INK on ${tint} (level ${level})`).toBeGreaterThanOrEqual(AA);
      expect(contrast(ON_HEAT, tint), `ON_HEAT on ${tint} (level ${level})`).toBeGreaterThanOrEqual(AA);
    }
  });

  it('needs ON_HEAT: the colours used off the heatmap fall below AA on the reddest tint', () => {
    const reddest = heatColour(1);
    for (const colour of [INK_2, MUTED, GOOD, BAD]) expect(contrast(colour, reddest)).toBeLessThan(AA);
  });

  it('is drawn on the same tints on the canvas and in the exported picture', () => {
    for (const level of LEVELS) expect(hslText(canvasHeat(level))).toBe(heatColour(level));
  });

  it('uses the same inks in the canvas stylesheet as in the picture', () => {
    expect(cssColour('--jd-on-heat')).toBe(ON_HEAT);
    expect(cssColour('--jd-muted')).toBe(MUTED);
    expect(cssColour('--jd-ink')).toBe(INK);
  });
});

describe('secondary text', () => {
  it('is at least 4.5:1 on every light tint it sits on', () => {
    // Score chips, friction notes, the open map in the library, the inspector's panels.
    for (const background of ['#ffffff', '#f8fafc', '#f1f5f9', '#d1fae5', '#fee2e2', '#fef2f2', '#eef2ff', '#fffbeb', '#ecfdf5']) {
      expect(contrast(MUTED, background), `MUTED on ${background}`).toBeGreaterThanOrEqual(AA);
    }
  });
});

describe('the emotion scale', () => {
  it('names each level in a colour at least 4.5:1 on the lane (white, 90% over the stage bands)', () => {
    for (const colour of Object.values(EMOTION_TEXT_COLOURS)) {
      for (const background of ['#ffffff', '#fafbfc']) expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(AA);
    }
  });
});

import fc from 'fast-check';
import { inlineText, jsonText, quoted, terminalText } from '../../../src/cli/terminalText';
import { terminalControls } from './support';

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const hostile = `Checkout${OSC52}\u001b[2J\u001b]0;title\u0007\u009b31m\u202eyap\u202c\u2066x\u2069\u0000\u007f\r`;

describe('text printed to a terminal', () => {
  it('drops escape sequences, bells, C1 and bidi controls from names', () => {
    expect(inlineText(hostile)).toBe('Checkout]52;c;ZXZpbA==[2J]0;title31myapx ');
    expect(terminalControls(inlineText(hostile))).toEqual([]);
  });

  it('keeps a name on one line: tabs and line breaks become spaces', () => {
    expect(inlineText('Live\tchat\r\nhelp\u2028desk')).toBe('Live chat  help desk');
  });

  it('keeps the layout of composed lines but no carriage return', () => {
    expect(terminalText('a\tb\nsafe\rEVIL\u001b[K\n')).toBe('a\tb\nsafeEVIL[K\n');
  });

  it('leaves ordinary text alone, including other scripts and symbols', () => {
    const text = 'Produktseite → Warenkorb — 購入 (شراء) 😀 ∞ – ·';
    expect(inlineText(text)).toBe(text);
    expect(terminalText(text)).toBe(text);
  });

  it('never lets a control through, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(terminalControls(inlineText(s))).toEqual([]);
        expect(inlineText(s)).not.toMatch(/[\n\t\r]/);
        expect(terminalControls(terminalText(s))).toEqual([]);
      }),
    );
  });

  it('writes JSON that parses to the same value and shows no control in a terminal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const text = jsonText({ name: s, labels: [s] });
        expect(JSON.parse(text)).toEqual({ name: s, labels: [s] });
        expect(terminalControls(text.replace(/\n/g, ''))).toEqual([]);
      }),
    );
    expect(jsonText({ name: `a${hostile}` })).toContain('\\u202e');
  });

  it('quotes a value on one line and shortens a long one', () => {
    expect(quoted('0x10')).toBe('"0x10"');
    expect(quoted('a\nb')).toBe('"a b"');
    expect(quoted('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`);
    expect(quoted('😀'.repeat(20), 5)).toBe('"😀😀😀😀…"');
  });
});

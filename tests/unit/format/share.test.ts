import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { addNode } from '../../../src/domain/edits';
import {
  decodeShareFragment,
  encodeShareFragment,
  fitsInShareLink,
  MAX_SHARE_URL_LENGTH,
  shareLinkLength,
  type ImportResult,
} from '../../../src/format';
import { decodeBase64Url, encodeBase64Url } from '../../../src/format/base64url';
import { journeyMapArb } from './arbitraries';
import { expectMap, problemLines, sampleDocument } from './helpers';

const fragmentOf = (json: string) => `map=${encodeBase64Url(deflateSync(new TextEncoder().encode(json)))}`;

function decoded(hash: string): ImportResult {
  const result = decodeShareFragment(hash);
  if (!result) throw new Error('expected a result');
  return result;
}

describe('share fragment', () => {
  it('encodes a map as map=<base64url> and decodes it back, with or without "#"', () => {
    const fragment = encodeShareFragment(onlineStoreSample());
    expect(fragment).toMatch(/^map=[A-Za-z0-9_-]+$/);
    expect(expectMap(decoded(`#${fragment}`))).toEqual(onlineStoreSample());
    expect(expectMap(decoded(fragment))).toEqual(onlineStoreSample());
    expect(expectMap(decoded(`#view=1&${fragment}`))).toEqual(onlineStoreSample());
  });

  it('is compact: the sample map fits in a share link', () => {
    const base = 'https://journeys.example.org/designer/';
    const length = shareLinkLength(onlineStoreSample(), base);
    expect(length).toBe(`${base}#${encodeShareFragment(onlineStoreSample())}`.length);
    expect(length).toBeLessThan(3000);
    expect(fitsInShareLink(onlineStoreSample(), base)).toBe(true);
  });

  it('says when a map is too big for a link', () => {
    const map = onlineStoreSample();
    for (let i = 0; i < 300; i++) {
      addNode(map, { kind: 'touchpoint', position: { x: (i * 7919) % 1400, y: (i * 104729) % 9000 }, label: `Step ${i} ${Math.sin(i)}` });
    }
    expect(shareLinkLength(map, 'https://a.example/')).toBeGreaterThan(MAX_SHARE_URL_LENGTH);
    expect(fitsInShareLink(map, 'https://a.example/')).toBe(false);
    expect(MAX_SHARE_URL_LENGTH).toBe(8000);
  });

  it('returns undefined when the hash carries no map', () => {
    expect(decodeShareFragment('')).toBeUndefined();
    expect(decodeShareFragment('#')).toBeUndefined();
    expect(decodeShareFragment('#view=grid&zoom=2')).toBeUndefined();
  });

  it('refuses a damaged link instead of throwing', () => {
    const fragment = encodeShareFragment(onlineStoreSample());
    expect(problemLines(decoded('#map=not*base64!'))).toEqual(['The share link is damaged or incomplete (it is not valid base64url).']);
    expect(problemLines(decoded('#map='))).toEqual(['The share link is damaged or incomplete (it is not valid base64url).']);
    expect(problemLines(decoded(fragment.slice(0, fragment.length / 2)))[0]).toMatch(/^The share link is damaged or incomplete/);
    expect(problemLines(decoded('map=____'))[0]).toMatch(/^The share link is damaged or incomplete/);
  });

  it('validates the map in a link exactly like a file', () => {
    const doc = sampleDocument();
    doc.nodes[6].scores.csat = 140;
    expect(problemLines(decoded(fragmentOf(JSON.stringify(doc))))).toEqual(['nodes[6].scores.csat: must be between 0 and 100']);
    expect(problemLines(decoded(fragmentOf('{"format":"journey-map","version":7}')))[0]).toMatch(/made by a newer version of Journey Designer/);
  });

  it('stops a decompression bomb before it fills memory', () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024).fill(0x20), { level: 1 });
    const started = performance.now();
    const lines = problemLines(decoded(`map=${encodeBase64Url(bomb)}`));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(lines).toEqual(['The map in this share link is larger than 10 MB once unpacked.']);
  });

  it('round-trips every valid map', () => {
    fc.assert(
      fc.property(journeyMapArb, (map) => {
        expect(expectMap(decoded(`#${encodeShareFragment(map)}`))).toEqual(map);
      }),
      { numRuns: 200 },
    );
  });
});

describe('base64url', () => {
  it('matches Node\'s base64url and decodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64Url('ab+c')).toBeUndefined();
    expect(decodeBase64Url('abc=')).toBeUndefined();
    expect(decodeBase64Url('abcde')).toBeUndefined();
  });
});

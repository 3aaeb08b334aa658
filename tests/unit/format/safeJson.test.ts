import { checkFileSize, MAX_DEPTH, MAX_FILE_BYTES } from '../../../src/format';
import { jsonTextDepth, parseJsonText, valueDeeperThan } from '../../../src/format/safeJson';

describe('checkFileSize', () => {
  it('allows up to 10 MB and refuses anything larger, with both sizes in the message', () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(checkFileSize(0)).toBeUndefined();
    expect(checkFileSize(MAX_FILE_BYTES)).toBeUndefined();
    expect(checkFileSize(MAX_FILE_BYTES + 1)).toEqual({
      path: '',
      message: 'The file is too large (10.0 MB); Journey Designer opens map files up to 10.0 MB.',
    });
  });

  it('works on a Blob size without reading it', () => {
    const blob = new Blob([new Uint8Array(MAX_FILE_BYTES + 10)]);
    expect(checkFileSize(blob.size)?.message).toMatch(/too large/);
  });
});

describe('jsonTextDepth', () => {
  it('counts nesting of objects and lists', () => {
    expect(jsonTextDepth('1')).toBe(0);
    expect(jsonTextDepth('{"a": [1, {"b": []}]}')).toBe(4);
  });

  it('ignores brackets inside strings, including after escaped quotes', () => {
    expect(jsonTextDepth('{"a": "[[[{{{", "b": "\\"[[["}')).toBe(1);
    expect(jsonTextDepth('["\\\\", [[]]]')).toBe(3);
  });

  it('stops counting as soon as the limit is passed', () => {
    expect(jsonTextDepth('['.repeat(1_000_000), MAX_DEPTH)).toBe(MAX_DEPTH + 1);
  });
});

describe('valueDeeperThan', () => {
  it('measures depth with the root as level 1', () => {
    expect(valueDeeperThan({ a: [[]] }, 3)).toBe(false);
    expect(valueDeeperThan({ a: [[[]]] }, 3)).toBe(true);
  });

  it('ends on cycles and shared references', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueDeeperThan(cyclic)).toBe(false);
    let shared: unknown[] = [];
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(valueDeeperThan(shared, 64)).toBe(false);
  });
});

describe('parseJsonText', () => {
  it('parses "__proto__" as a plain own key, never as a prototype', () => {
    const parsed = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(parsed.ok).toBe(true);
    const value = parsed.ok ? (parsed.value as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

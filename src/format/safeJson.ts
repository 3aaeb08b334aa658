/**
 * The guards that run before anything walks untrusted input: size (before reading or parsing), nesting
 * depth (before parsing, by scanning brackets) and a bounded, non-recursive walk for values that arrive
 * already parsed (IndexedDB records, worker messages).
 */
import { MAX_DEPTH, MAX_FILE_BYTES } from './constants';
import { problem, type Problem } from './problems';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Refuses a file larger than MAX_FILE_BYTES. Pass `file.size` for a File/Blob (nothing is read) or
 * `text.length` for a string (UTF-16 units; never more than its UTF-8 byte count, so nothing over the
 * limit slips through).
 */
export function checkFileSize(bytes: number): Problem | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return problem(
    '',
    `The file is too large (${megabytes(bytes)}); Journey Designer opens map files up to ${megabytes(MAX_FILE_BYTES)}.`,
  );
}

function tooDeep(): Problem {
  return problem('', `The file is nested more than ${MAX_DEPTH} levels deep, so it cannot be a Journey Designer map.`);
}

/** Deepest bracket nesting in JSON text, stopping as soon as it passes `limit`. Brackets inside strings do not count. */
export function jsonTextDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Whether an already-parsed value nests deeper than `limit` levels (root object = level 1). Iterative, so
 * it cannot overflow the stack itself; each object is visited once, so cycles and shared references end.
 */
export function valueDeeperThan(value: unknown, limit = MAX_DEPTH): boolean {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    if (depth > limit) return true;
    seen.add(current);
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export function checkValueDepth(value: unknown): Problem | undefined {
  return valueDeeperThan(value) ? tooDeep() : undefined;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Size check, depth scan, then JSON.parse — never throws. A leading byte-order mark is ignored. */
export function parseJsonText(text: string): ParsedJson {
  const size = checkFileSize(text.length);
  if (size) return { ok: false, problems: [size] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [problem('', 'The file is empty.')] };
  if (jsonTextDepth(body) > MAX_DEPTH) return { ok: false, problems: [tooDeep()] };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('', `The file is not valid JSON (${detail}).`)] };
  }
}

import type { JourneyMap } from '../domain/types';

/** One reason a map file was refused: where (`nodes[3].scores.csat`, "" for the whole file) and which rule. */
export interface Problem {
  path: string;
  message: string;
}

export type ImportResult = { ok: true; map: JourneyMap; warnings: string[] } | { ok: false; problems: Problem[] };

/** "nodes[3].scores.csat: must be between 0 and 100"; a root problem is just its message. */
export function formatProblem(p: Problem): string {
  return p.path === '' ? p.message : `${p.path}: ${p.message}`;
}

/** Joins path segments the way a reader writes them: `nodes[3].scores.csat`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

export function problem(path: string, message: string): Problem {
  return { path, message };
}

export function refused(...problems: Problem[]): ImportResult {
  return { ok: false, problems };
}

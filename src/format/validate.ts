/** Checks a journey map (no file envelope) and returns a clean copy holding only known fields. */
import * as v from 'valibot';
import type { JourneyMap } from '../domain/types';
import { collectProblems, PARSE_CONFIG } from './collectProblems';
import { referenceProblems } from './crossReferences';
import { problem, refused, type ImportResult } from './problems';
import { checkValueDepth } from './safeJson';
import { journeyMapSchema } from './schema';
import { canonicalise, unknownFieldPaths } from './schemaShape';

const LISTED_UNKNOWN_FIELDS = 5;

function unknownFieldWarning(value: unknown): string[] {
  const paths = unknownFieldPaths(journeyMapSchema, value);
  if (paths.length === 0) return [];
  const listed = paths.slice(0, LISTED_UNKNOWN_FIELDS).join(', ');
  const more = paths.length > LISTED_UNKNOWN_FIELDS ? ` and ${paths.length - LISTED_UNKNOWN_FIELDS} more` : '';
  return [`Ignored ${paths.length === 1 ? 'an unknown field' : `${paths.length} unknown fields`}: ${listed}${more}.`];
}

/** Schema, then cross-references. Assumes the depth guard has run. */
export function validateBody(value: unknown, warnings: readonly string[] = []): ImportResult {
  const parsed = v.safeParse(journeyMapSchema, value, { ...PARSE_CONFIG, abortEarly: true });
  if (!parsed.success) return refused(...collectProblems(journeyMapSchema, value));
  const map = canonicalise(journeyMapSchema, parsed.output) as JourneyMap;
  const problems = referenceProblems(map);
  if (problems.length > 0) return refused(...problems);
  return { ok: true, map, warnings: [...warnings, ...unknownFieldWarning(value)] };
}

/** Turns anything unexpected (a throwing getter or proxy in a value from elsewhere) into a refusal. */
export function neverThrow(run: () => ImportResult): ImportResult {
  try {
    return run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refused(problem('', `The map could not be read (${detail}).`));
  }
}

/** Validates a map without the file envelope, e.g. a record loaded from IndexedDB. */
export function validateMap(map: unknown): ImportResult {
  return neverThrow(() => {
    const deep = checkValueDepth(map);
    return deep ? refused(deep) : validateBody(map);
  });
}

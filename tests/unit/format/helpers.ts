import { expect } from 'vitest';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../../src/domain/types';
import { exportMapText, formatProblem, type ImportResult } from '../../../src/format';

/** The online store sample as a parsed file document, ready to be damaged by a test. */
export function sampleDocument(): Record<string, any> {
  return JSON.parse(exportMapText(onlineStoreSample()));
}

export function textOf(doc: unknown): string {
  return JSON.stringify(doc);
}

export function expectMap(result: ImportResult): JourneyMap {
  if (!result.ok) throw new Error(`expected a map, got problems:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.map;
}

/** The refusal's problems as text lines ("nodes[3].scores.csat: must be between 0 and 100"). */
export function problemLines(result: ImportResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

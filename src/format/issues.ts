/** Turns valibot issues into Problems with messages a map author understands. */
import type * as v from 'valibot';
import { formatPath, type Problem } from './problems';

function shortText(s: string): string {
  return JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…` : s);
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `the text ${shortText(input)}`;
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : String(input);
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

const EXPECTED: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
  object: 'must be an object',
  array: 'must be a list',
  strict_tuple: 'must be a list',
};

/**
 * Default wording for type issues. Range and id rules carry their own message in schema.ts; this covers the
 * rest ("must be a number, not the text \"NaN\"", "is required").
 */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1] as { origin?: string } | undefined;
  if (last?.origin === 'key' && issue.input === undefined) return 'is required';
  if (issue.type === 'literal') return `must be ${issue.expected ?? 'a fixed value'}`;
  const expected = EXPECTED[issue.type] ?? `is not valid (${issue.expected ?? issue.type})`;
  return issue.input === undefined ? expected : `${expected}, not ${received(issue.input)}`;
}

/** `prefix` locates the checked value inside the file when only part of it was parsed. */
export function issueToProblem(issue: v.BaseIssue<unknown>, prefix: readonly (string | number)[] = []): Problem {
  const segments = (issue.path ?? []).map((item) => item.key as string | number);
  return { path: formatPath([...prefix, ...segments]), message: issue.message };
}

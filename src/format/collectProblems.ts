/**
 * Lists the first few schema problems of an invalid document without building one issue per bad array item:
 * a 10 MB file of junk list items would otherwise cost millions of issue objects (gigabytes, tens of seconds).
 * Objects are checked with their lists emptied, then list items one by one, until the budget is spent.
 */
import * as v from 'valibot';
import { issueMessage, issueToProblem } from './issues';
import type { Problem } from './problems';
import { isRecord, shapeOf, type AnySchema } from './schemaShape';

export const MAX_REPORTED_PROBLEMS = 20;

export const PARSE_CONFIG = { abortPipeEarly: true, message: issueMessage } as const;

export function collectProblems(
  schema: AnySchema,
  value: unknown,
  budget = MAX_REPORTED_PROBLEMS,
  path: readonly (string | number)[] = [],
): Problem[] {
  const { entries, item } = shapeOf(schema);
  const problems: Problem[] = [];
  const report = (issues: readonly v.BaseIssue<unknown>[] | undefined) => {
    for (const issue of issues ?? []) {
      if (problems.length >= budget) return;
      problems.push(issueToProblem(issue, path));
    }
  };

  if (item && Array.isArray(value)) {
    for (let i = 0; i < value.length && problems.length < budget; i++) {
      problems.push(...collectProblems(item, value[i], budget - problems.length, [...path, i]));
    }
    return problems;
  }
  if (!entries || !isRecord(value)) {
    report(v.safeParse(schema, value, PARSE_CONFIG).issues);
    return problems;
  }
  const listKeys = Object.keys(entries).filter((key) => shapeOf(entries[key]).item && Array.isArray(value[key]));
  const shell: Record<string, unknown> = { ...value };
  for (const key of listKeys) shell[key] = [];
  report(v.safeParse(schema, shell, PARSE_CONFIG).issues);
  for (const key of listKeys) {
    if (problems.length >= budget) break;
    problems.push(...collectProblems(entries[key], value[key], budget - problems.length, [...path, key]));
  }
  return problems;
}

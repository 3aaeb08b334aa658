/**
 * An evidence file chosen by the user → its text, or why it cannot be read. Refused by size before a byte is
 * read, so a huge export cannot freeze the tab (survey exports run larger than map files, hence a limit of
 * their own).
 */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

export type TextReading = { ok: true; text: string } | { ok: false; problem: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function readTextFile(file: File): Promise<TextReading> {
  if (file.size > MAX_EVIDENCE_BYTES) {
    return { ok: false, problem: `The file is too large (${megabytes(file.size)}); evidence files up to ${megabytes(MAX_EVIDENCE_BYTES)} can be read.` };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, problem: 'The file could not be read.' };
  }
}

/** A problem from src/evidence in words, starting with a capital: "Row 4: users must be a whole number ≥ 0 (got "x")". */
export function problemSentence(problem: { path: string; rule: string }): string {
  const text = problem.path === '' ? problem.rule : `${problem.path}: ${problem.rule}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Reads the statements of a Mermaid journey the way Mermaid's own parser does (journey.jison and
 * journeyDb.js in mermaid-js/mermaid), without Mermaid:
 *
 * - The lexer tries its rules in a fixed order and takes the first that matches (Jison without `flex`), so
 *   `title ` and `section ` win over a task name, and a line whose first word starts with `journey` is the
 *   keyword again. Case does not matter. Statements need no line break between them (`}title …` is fine).
 * - `%%` starts a comment only at the start of a token; `#` does too and runs to the end of the line;
 *   `;` is refused.
 * - `title X` and `section X` run to `#`, `;` or the line's end (a section also stops at `:`).
 * - `accTitle: X` and `accDescr: X` take the rest of the line; `accDescr { … }` everything up to `}`, with
 *   each line's indentation dropped.
 * - A task is a name (up to `:`) followed by `: score` and optionally `: actor, actor`; what follows a
 *   third colon is ignored. `Task: 5:` has one actor with an empty name, as in Mermaid.
 */
import type { JourneySource } from './mermaidSource';

export interface ParsedTask {
  name: string;
  /** Number() of the score's text, as Mermaid reads it (NaN when it is not a number). */
  score: number;
  /** The score as written, for messages. */
  scoreText: string;
  actors: string[];
  line: number;
}

export interface ParsedSection {
  name: string;
  /** True for the tasks written before any section. */
  implicit?: boolean;
  line: number;
  tasks: ParsedTask[];
}

export interface MermaidProblem {
  line: number;
  rule: string;
}

export interface ParsedJourney {
  /** Line of the `journey` keyword. */
  line: number;
  title?: string;
  accTitle?: string;
  accDescr?: string;
  sections: ParsedSection[];
  problems: MermaidProblem[];
  warnings: string[];
}

type TokenType =
  | 'journey' | 'title' | 'accTitle' | 'accDescr' | 'accDescrBlock' | 'section' | 'taskName' | 'taskData' | 'colon' | 'newline' | 'invalid' | 'eof';

interface Token {
  type: TokenType;
  /** The token's value: the title, section or task text, the accessibility text, the task data. */
  value: string;
  line: number;
  /** accDescr { … } that never finds its `}`. */
  unclosed?: boolean;
}

/** The rules of the lexer's initial state, in Mermaid's order. `null`: skipped text. */
const RULES: readonly [RegExp, TokenType | null][] = [
  [/%%(?!\{)[^\n]*/y, null],
  [/[^}]%%[^\n]*/y, null],
  [/\n+/y, 'newline'],
  [/\s+/y, null],
  [/#[^\n]*/y, null],
  [/journey/iy, 'journey'],
  [/title\s[^#\n;]+/iy, 'title'],
  [/accTitle\s*:\s*/iy, 'accTitle'],
  [/accDescr\s*:\s*/iy, 'accDescr'],
  [/accDescr\s*\{\s*/iy, 'accDescrBlock'],
  [/section\s[^#:\n;]+/iy, 'section'],
  [/[^#:\n;]+/y, 'taskName'],
  [/:[^#\n;]+/y, 'taskData'],
  [/:/y, 'colon'],
  [/[^]/y, 'invalid'],
];

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

function tokenise(body: string, firstLine: number): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let line = firstLine;
  const consume = (text: string) => {
    at += text.length;
    for (const c of text) if (c === '\n') line++;
  };
  while (at < body.length) {
    const start = line;
    let matched: string | null = null;
    let type: TokenType | null = null;
    for (const [pattern, kind] of RULES) {
      matched = matchAt(pattern, body, at);
      if (matched !== null && matched !== '') {
        type = kind;
        break;
      }
    }
    if (matched === null) break;
    consume(matched);
    if (type === null) continue;
    if (type === 'title') tokens.push({ type, value: matched.slice(6), line: start });
    else if (type === 'section') tokens.push({ type, value: matched.slice(8), line: start });
    else if (type === 'accTitle' || type === 'accDescr') {
      const value = matchAt(/[^\n]*/y, body, at) ?? '';
      consume(value);
      tokens.push({ type, value, line: start });
    } else if (type === 'accDescrBlock') {
      const value = matchAt(/[^}]*/y, body, at) ?? '';
      consume(value);
      const unclosed = at >= body.length;
      if (!unclosed) consume('}');
      tokens.push({ type, value, line: start, ...(unclosed ? { unclosed } : {}) });
    } else tokens.push({ type, value: matched, line: start });
  }
  tokens.push({ type: 'eof', value: '', line });
  return tokens;
}

const KEYWORDS = ['title', 'section', 'acctitle', 'accdescr'];

/** Why `token` cannot start a statement here (`next` is the token after it). */
function misplaced(token: Token, next: Token, previous: Token | undefined, decode: (s: string) => string): string {
  const shown = (text: string) => `“${decode(text).trim().slice(0, 60)}”`;
  switch (token.type) {
    case 'journey':
      return '“journey” may only begin the diagram; Mermaid reads a line starting with “journey” as that keyword again';
    case 'taskName': {
      const name = decode(token.value).trim();
      if (KEYWORDS.includes(name.toLowerCase())) return `“${name}” needs some text after it`;
      if (next.type === 'colon') return `${shown(token.value)} needs a score after the colon, e.g. “${name}: 3”`;
      if (next.type === 'invalid') return misplaced(next, next, token, decode);
      return `${shown(token.value)} is not a task: write a task as “Task name: score: actors”, e.g. “${name}: 3”`;
    }
    case 'taskData':
      if (previous?.type === 'section' && previous.line === token.line) return 'A section name cannot contain “:” (write #58; for a colon)';
      return `${shown(token.value)} has no task name before the colon`;
    case 'colon':
      return 'A colon must be followed by a score';
    case 'invalid':
      return token.value === ';' ? '“;” cannot be used in a journey (write #59; for a semicolon in a name)' : `Unexpected ${shown(token.value)}`;
    default:
      return `Unexpected ${shown(token.value)}`;
  }
}

/** Lines start at source.firstLine. Never throws: whatever Mermaid would refuse becomes a problem. */
export function parseJourneyStatements(source: JourneySource): ParsedJourney {
  const { decode } = source;
  const tokens = tokenise(source.body, source.firstLine);
  const problems: MermaidProblem[] = [];
  const warnings: string[] = [];
  const sections: ParsedSection[] = [];
  let i = 0;
  while (tokens[i].type === 'newline') i++;
  const result: ParsedJourney = { line: tokens[i].line, sections, problems, warnings };
  if (tokens[i].type !== 'journey') {
    problems.push({ line: tokens[i].line, rule: 'A Mermaid journey must start with “journey”' });
    return result;
  }
  i++;
  let section: ParsedSection | undefined;
  const text = (value: string) => decode(value.replace(/<\/?br\s*\/?>/gi, ' ')).trim();
  for (; tokens[i].type !== 'eof'; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'newline':
        continue;
      case 'title':
        result.title = text(token.value);
        continue;
      case 'accTitle':
        result.accTitle = text(token.value);
        continue;
      case 'accDescr':
      case 'accDescrBlock':
        result.accDescr = decode(token.value.trim().replace(/\n\s+/g, '\n'));
        if (token.unclosed) warnings.push(`line ${token.line}: “accDescr {” is never closed with “}”, so the rest of the text was read as the description`);
        continue;
      case 'section':
        section = { name: text(token.value), line: token.line, tasks: [] };
        sections.push(section);
        continue;
      case 'taskName':
        if (tokens[i + 1].type === 'taskData') {
          const task = readTask(token, tokens[i + 1], text, decode, warnings);
          if (!section) sections.push((section = { name: '', implicit: true, line: token.line, tasks: [] }));
          section.tasks.push(task);
          i++;
          continue;
        }
        break;
    }
    problems.push({ line: token.line, rule: misplaced(token, tokens[i + 1], tokens[i - 1], decode) });
    // Mermaid stops at the first error; we go on at the next line to report every bad line at once.
    while (tokens[i + 1].type !== 'newline' && tokens[i + 1].type !== 'eof') i++;
  }
  return result;
}

/** journeyDb.addTask: after the first colon, the score; after the second, the actors; the rest is ignored. */
function readTask(name: Token, data: Token, text: (value: string) => string, decode: (value: string) => string, warnings: string[]): ParsedTask {
  const pieces = data.value.slice(1).split(':');
  // As in Mermaid, `Task: 5:` has one actor named "" (the import leaves it out).
  const actors = pieces.length > 1 ? pieces[1].split(',').map(text) : [];
  if (pieces.length > 2) {
    warnings.push(`line ${name.line}: ignored “: ${text(pieces.slice(2).join(':'))}” after the actors of “${text(name.value)}” (Mermaid ignores it too)`);
  }
  // An entity code in the score is no digit to Mermaid (it is decoded only when drawn): Number() on the raw text.
  return { name: text(name.value), score: Number(pieces[0]), scoreText: decode(pieces[0]).trim(), actors, line: name.line };
}

/**
 * Finding a Mermaid journey in text and preparing it the way Mermaid does before its parser runs
 * (mermaid's preprocess.ts, comments.ts and Diagram.fromText): CRLF to LF, YAML front matter (its `title`
 * kept), `%%{…}%%` directives and whole-line `%%` comments removed, entity codes such as `#58;` hidden from
 * the lexer. Removed text is blanked rather than cut, so line numbers stay those of the user's file.
 */

export interface JourneySource {
  /** The diagram's text, front matter and comment lines blanked, entity codes replaced by placeholders. */
  body: string;
  /** Line number (1-based, in the whole text) of the body's first line. */
  firstLine: number;
  /** `title:` of the YAML front matter, if any. */
  frontTitle?: string;
  /** Turns placeholders back into the characters their entity codes stand for. */
  decode: (text: string) => string;
}

export type SourceSearch = { ok: true; source: JourneySource } | { ok: false; line: number; rule: string };

// Mermaid's frontMatterRegex: the block must open the text.
const FRONT_MATTER = /^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%%\{[\s\S]*?\}%%/g;
// Mermaid's cleanupComments: a line that holds only a `%%` comment (not a `%%{` directive).
const COMMENT_LINE = /^\s*%%(?!\{)[^\n]+\n?/gm;
// Mermaid's encodeEntities: `#` + word characters + `;` is an entity code, decoded only when drawn.
const ENTITY = /#(\w+);/g;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*\{?\s*mermaid\b/;

const blank = (text: string) => text.replace(/[^\n]/g, '');

/** What an entity name stands for, as a browser shows Mermaid's `&name;`; undefined when unknown. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', semi: ';', num: '#',
  comma: ',', percnt: '%', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}', hyphen: '-',
};

function entityText(name: string): string {
  if (/^\+?\d+$/.test(name)) {
    const code = Number(name);
    return code <= 0x10ffff ? String.fromCodePoint(code) : `#${name};`;
  }
  return NAMED[name] ?? NAMED[name.toLowerCase()] ?? `#${name};`;
}

/** Front matter, directives and comment lines blanked; the front matter's title. */
function strip(text: string): { body: string; frontTitle?: string } {
  let body = text;
  let frontTitle: string | undefined;
  const front = FRONT_MATTER.exec(body);
  if (front) {
    const title = /^title:[ \t]*(.*?)[ \t]*$/m.exec(front[1])?.[1];
    if (title) frontTitle = title.replace(/^(["'])(.*)\1$/, '$2').trim() || undefined;
    body = blank(front[0]) + body.slice(front[0].length);
  }
  body = body.replace(DIRECTIVE, blank).replace(COMMENT_LINE, blank);
  return frontTitle === undefined ? { body } : { body, frontTitle };
}

/** Mermaid's detector: after front matter, directives and comments, the text starts with `journey`. */
function isJourney(text: string): boolean {
  return /^\s*journey/.test(strip(text).body);
}

/** The first word of a diagram (after front matter and comments) and its line within `text`. */
function firstWord(text: string): { word: string; line: number } | null {
  const { body } = strip(text);
  const at = body.search(/\S/);
  if (at < 0) return null;
  return { word: /^\S+/.exec(body.slice(at))?.[0] ?? '', line: body.slice(0, at).split('\n').length };
}

interface Fence {
  text: string;
  firstLine: number;
}

/** The contents of the ```mermaid (or ~~~mermaid) code blocks of a Markdown text. */
function mermaidFences(text: string): Fence[] {
  const lines = text.split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) continue;
    const marker = open[1];
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    fences.push({ text: lines.slice(i + 1, end).join('\n'), firstLine: i + 2 });
    i = end;
  }
  return fences;
}

function prepare(text: string, firstLine: number): JourneySource {
  const { body, frontTitle } = strip(text);
  // A placeholder character the text does not contain, so no user text is ever taken for one.
  let mark = 0xe000;
  while (body.includes(String.fromCharCode(mark))) mark++;
  const sentinel = String.fromCharCode(mark);
  const names: string[] = [];
  const hidden = body.replace(ENTITY, (_, name: string) => `${sentinel}${names.push(name) - 1}${sentinel}`);
  const placeholder = new RegExp(`${sentinel}(\\d+)${sentinel}`, 'g');
  const decode = (value: string) => value.replace(placeholder, (_, k: string) => entityText(names[Number(k)]));
  return { body: hidden, firstLine, decode, ...(frontTitle === undefined ? {} : { frontTitle }) };
}

/**
 * The journey diagram in `text`: the text itself when it is one (a `.mmd` file or pasted Mermaid), else the
 * first ```mermaid block of a Markdown text that is one. Otherwise says why not, naming a line.
 */
export function findJourneySource(input: string): SourceSearch {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (isJourney(text)) return { ok: true, source: prepare(text, 1) };
  const fences = mermaidFences(text);
  const journey = fences.find((f) => isJourney(f.text));
  if (journey) return { ok: true, source: prepare(journey.text, journey.firstLine) };
  if (fences.length > 0) {
    const first = firstWord(fences[0].text);
    const kind = first ? ` (the first is “${first.word}”)` : '';
    return { ok: false, line: fences[0].firstLine - 1, rule: `The Mermaid blocks here are not journey diagrams${kind}: only a block that starts with “journey” can be imported` };
  }
  const first = firstWord(text);
  if (!first) return { ok: false, line: 1, rule: 'There is no Mermaid journey here: the text is empty' };
  if (/^journey/i.test(first.word)) {
    return { ok: false, line: first.line, rule: `Mermaid recognises a journey only by “journey” in lower case, not “${first.word}”` };
  }
  return { ok: false, line: first.line, rule: `This is not a Mermaid journey: it must start with “journey”, not “${first.word.slice(0, 40)}”` };
}

/** True when `text` is a Mermaid journey, or Markdown holding one (what a paste is tested with). */
export function isMermaidJourney(text: string): boolean {
  return findJourneySource(text).ok;
}

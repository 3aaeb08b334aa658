/**
 * A map's main path as a Mermaid journey, to paste into a README or a wiki: the path's touchpoints as tasks
 * (entries and outcomes are where the path starts and ends, named in a comment), a section each time the
 * stage changes, score = emotion + 3 (no emotion: 3), and every persona as an actor of every task.
 * docs/mermaid.md has the whole mapping.
 */
import type { JourneyMap, JourneyNode } from '../domain';
import { mainPath } from './mainPath';

export interface MermaidWriteOptions {
  /** Node ids to write instead of the main path (entries and outcomes among them are not tasks). */
  path?: readonly string[];
}

/** Score 1..5 of a touchpoint: its emotion −2..+2 plus 3; neutral without one. */
export const scoreOfEmotion = (emotion: number | undefined): number => (emotion ?? 0) + 3;

/**
 * Mermaid has no quoting, but decodes entity codes (`#58;`) only when it draws: characters that would end a
 * name or start a comment are written as codes and come back unchanged. `%%` becomes `#37;%` so no comment
 * can start inside a name; a line break becomes a space.
 */
function escape(text: string, special: RegExp): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(special, (c) => `#${c.codePointAt(0)};`)
    .replace(/%(?=%)/g, '#37;');
}

/** A task name the lexer would read as a keyword (its rules are tried before the task name's). */
const KEYWORD_START = /^(journey|title\s|section\s|acctitle\s*:|accdescr\s*[:{])/i;

function taskName(label: string): string {
  const name = escape(label, /[#:;<]/g) || 'Touchpoint';
  return KEYWORD_START.test(name) ? `#${name.codePointAt(0)};${name.slice(1)}` : name;
}

const plain = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

function description(text: string): string[] {
  const lines = text.split(/\r\n?|\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`accDescr: ${escape(lines[0], /#/g)}`];
  return ['accDescr {', ...lines.map((line) => `  ${escape(line, /[#}]/g)}`), '}'];
}

/** The map's main path (or `options.path`) as the text of a Mermaid journey diagram. */
export function writeMermaidJourney(map: JourneyMap, options: MermaidWriteOptions = {}): string {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const stageName = new Map(map.stages.map((s) => [s.id, s.name]));
  const path = (options.path ?? mainPath(map)).map((id) => byId.get(id)).filter((n): n is JourneyNode => n !== undefined);
  const lines = ['journey'];
  const title = escape(map.name, /[#;<]/g);
  if (title !== '') lines.push(`    title ${title}`);
  lines.push(...description(map.description).map((line) => `    ${line}`));
  const first = path[0];
  const end = path[path.length - 1];
  if (first && end && first !== end) {
    lines.push(`    %% Main path from “${plain(first.label)}” to “${plain(end.label)}”, the likeliest step at each point (Journey Designer)`);
  }
  const actors = map.personas.map((p) => escape(p.name, /[#:;,<]/g)).filter((name) => name !== '');
  const cast = actors.length > 0 ? `: ${actors.join(', ')}` : '';
  let section: string | undefined;
  for (const node of path) {
    if (node.kind !== 'touchpoint') continue;
    if (node.stage !== undefined && node.stage !== section && stageName.has(node.stage)) {
      section = node.stage;
      lines.push(`    section ${escape(stageName.get(node.stage)!, /[#:;<]/g) || 'Stage'}`);
    }
    lines.push(`      ${taskName(node.label)}: ${scoreOfEmotion(node.emotion)}${cast}`);
  }
  return `${lines.join('\n')}\n`;
}

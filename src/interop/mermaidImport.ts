/**
 * A Mermaid journey becomes a map: each section a stage (left to right, one column per task), each task a
 * touchpoint, connected in the order written from an entry "Start" to a success outcome "Done". The score
 * (1–5) becomes the touchpoint's emotion (score − 3, so 1 → −2 … 5 → +2); the actors become personas with
 * equal shares. docs/mermaid.md has the whole mapping.
 */
import {
  addNode,
  addPersona,
  addStage,
  centredInBand,
  COLOUR_PALETTE,
  connect,
  createMap,
  EditError,
  MAX_NAME_LENGTH,
  setStageWidths,
  STAGE_MAX_WIDTH,
  STAGE_WIDTH,
  stageBands,
  updateNode,
  type Emotion,
  type JourneyMap,
  type NodeKind,
} from '../domain';
import { parseJourneyStatements, type MermaidProblem, type ParsedJourney, type ParsedSection } from './mermaidParse';
import { findJourneySource } from './mermaidSource';

export type { MermaidProblem } from './mermaidParse';

export type MermaidImport = { ok: true; map: JourneyMap; warnings: string[] } | { ok: false; problems: MermaidProblem[] };

export const START_LABEL = 'Start';
export const DONE_LABEL = 'Done';
/** The stage of tasks written before the first section. */
export const UNSECTIONED_STAGE = 'Steps';
export const DEFAULT_MAP_NAME = 'Mermaid journey';

/** Columns per band before a long section wraps onto a second row. */
const MAX_COLUMNS = Math.floor(STAGE_MAX_WIDTH / STAGE_WIDTH);
const ROW_HEIGHT = 200;

/** Score 1..5 → emotion −2..+2. */
export const emotionOfScore = (score: number): Emotion => (score - 3) as Emotion;

export type JourneyReading = { ok: true; journey: ParsedJourney; frontTitle?: string } | { ok: false; problems: MermaidProblem[] };

/** The statements of the journey in `text`, read as Mermaid reads them, or every line Mermaid would refuse. */
export function readMermaidJourney(text: string): JourneyReading {
  const found = findJourneySource(text);
  if (!found.ok) return { ok: false, problems: [{ line: found.line, rule: found.rule }] };
  const journey = parseJourneyStatements(found.source);
  const problems = [...journey.problems, ...scoreProblems(journey)].sort((a, b) => a.line - b.line);
  if (problems.length > 0) return { ok: false, problems };
  const { frontTitle } = found.source;
  return frontTitle === undefined ? { ok: true, journey } : { ok: true, journey, frontTitle };
}

/** Parses Mermaid journey text (or Markdown holding a ```mermaid journey block) into a new map. Never throws. */
export function parseMermaidJourney(text: string): MermaidImport {
  const reading = readMermaidJourney(text);
  if (!reading.ok) return reading;
  const { journey, frontTitle } = reading;
  if (!journey.sections.some((s) => s.tasks.length > 0)) {
    return { ok: false, problems: [{ line: journey.line, rule: 'The journey has no tasks: write them under a section as “Task name: score: actors”' }] };
  }
  const warnings = [...journey.warnings];
  try {
    return { ok: true, map: buildMap(journey, frontTitle, warnings), warnings };
  } catch (error) {
    // The edits refuse what would break the map; reported, never thrown (the fuzz test has found no such text).
    if (!(error instanceof EditError)) throw error;
    return { ok: false, problems: [{ line: journey.line, rule: `The journey could not be made into a map: ${error.message}` }] };
  }
}

function scoreProblems(parsed: ParsedJourney): MermaidProblem[] {
  const problems: MermaidProblem[] = [];
  for (const section of parsed.sections) {
    for (const task of section.tasks) {
      if (Number.isInteger(task.score) && task.score >= 1 && task.score <= 5) continue;
      const written = task.scoreText === '' ? 'no score' : `the score “${task.scoreText.slice(0, 20)}”`;
      problems.push({ line: task.line, rule: `“${task.name.slice(0, 60)}” has ${written}: a score must be a whole number from 1 to 5` });
    }
  }
  return problems;
}

/** At most MAX_NAME_LENGTH characters, never ending in half a surrogate pair. */
function shorten(name: string, length = MAX_NAME_LENGTH): string {
  if (name.length <= length) return name;
  const cut = name.slice(0, length);
  return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd();
}

/** A stage name not yet taken (case-insensitively): "Name", "Name 2", … within MAX_NAME_LENGTH. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let k = 2; taken.has(name.toLocaleLowerCase()); k++) name = `${shorten(base, MAX_NAME_LENGTH - ` ${k}`.length)} ${k}`;
  return name;
}

interface Column {
  stage: string;
  index: number;
}

function buildMap(parsed: ParsedJourney, frontTitle: string | undefined, warnings: string[]): JourneyMap {
  const map = createMap({
    name: parsed.title || frontTitle || parsed.accTitle || DEFAULT_MAP_NAME,
    description: parsed.accDescr ?? '',
    stages: [],
  });
  const { sections } = parsed;
  const stageIds = addStages(map, sections, warnings);
  const columns = new Map<string, number>();
  const last = stageIds.length - 1;
  sections.forEach((section, k) => columns.set(stageIds[k], section.tasks.length + (k === 0 ? 1 : 0) + (k === last ? 1 : 0)));
  setStageWidths(map, Object.fromEntries(stageIds.map((id) => [id, Math.min(MAX_COLUMNS, Math.max(1, columns.get(id) ?? 1)) * STAGE_WIDTH])));

  const bands = new Map(stageBands(map).map((b) => [b.id, b]));
  const place = (kind: NodeKind, { stage, index }: Column, label: string): string => {
    const band = bands.get(stage)!;
    const x = centredInBand({ x: band.x + (index % MAX_COLUMNS) * STAGE_WIDTH, width: STAGE_WIDTH });
    const y = Math.floor(index / MAX_COLUMNS) * ROW_HEIGHT;
    return addNode(map, { kind, stage, position: { x, y }, label });
  };

  const personaOf = addPersonas(map, parsed, warnings);
  let previous = place('entry', { stage: stageIds[0], index: 0 }, START_LABEL);
  sections.forEach((section, k) => {
    const offset = k === 0 ? 1 : 0;
    section.tasks.forEach((task, t) => {
      const id = place('touchpoint', { stage: stageIds[k], index: offset + t }, task.name || `Task ${t + 1}`);
      const actors = [...new Set(task.actors.filter((a) => a !== '').map((a) => personaOf.get(a.toLocaleLowerCase())))];
      updateNode(map, id, {
        emotion: emotionOfScore(task.score),
        ...(actors.length > 0 ? { description: `Actors: ${actors.join(', ')}` } : {}),
      });
      connect(map, { source: previous, target: id });
      previous = id;
    });
  });
  const lastStage = stageIds[last];
  const done = place('outcome', { stage: lastStage, index: (columns.get(lastStage) ?? 1) - 1 }, DONE_LABEL);
  connect(map, { source: previous, target: done });
  return map;
}

function addStages(map: JourneyMap, sections: readonly ParsedSection[], warnings: string[]): string[] {
  const taken = new Set<string>();
  return sections.map((section, k) => {
    let base = section.implicit ? UNSECTIONED_STAGE : section.name || 'Section';
    if (section.implicit) warnings.push(`line ${section.line}: tasks before the first section were put in a stage “${UNSECTIONED_STAGE}”`);
    if (base.length > MAX_NAME_LENGTH) {
      base = shorten(base);
      warnings.push(`line ${section.line}: the section name was shortened to ${MAX_NAME_LENGTH} characters: “${base}”`);
    }
    const name = freeName(base, taken);
    if (name !== base) warnings.push(`line ${section.line}: a second section “${base}” became the stage “${name}”`);
    taken.add(name.toLocaleLowerCase());
    return addStage(map, { name, colour: COLOUR_PALETTE[(k + 1) % COLOUR_PALETTE.length].hex });
  });
}

/**
 * One persona per actor, in the order they first appear, all with the same share; actors differing only
 * in case are one persona. Returns each actor's persona name by its lower-case spelling.
 */
function addPersonas(map: JourneyMap, parsed: ParsedJourney, warnings: string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const section of parsed.sections) {
    for (const task of section.tasks) {
      for (const actor of task.actors) {
        const key = actor.toLocaleLowerCase();
        // `Task: 5:` lists one actor without a name: no persona.
        if (actor === '' || names.has(key)) continue;
        let name = actor;
        if (name.length > MAX_NAME_LENGTH) {
          name = shorten(name);
          warnings.push(`line ${task.line}: the actor name was shortened to ${MAX_NAME_LENGTH} characters: “${name}”`);
        }
        // Two long names may agree in their first MAX_NAME_LENGTH characters: then they are one persona.
        const existing = [...names.values()].find((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase());
        if (existing === undefined) addPersona(map, { name, share: 1 });
        names.set(key, existing ?? name);
      }
    }
  }
  return names;
}

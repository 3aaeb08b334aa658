/**
 * Moving maps in and out: import from a file, a drop or a paste (always as a new map; map JSON or a Mermaid
 * journey), export as JSON or as a Mermaid journey, share as a link, export as an image. Problems become a
 * role="alert" notice naming the path (or the line) and rule.
 */
import type { JourneyMap } from '../../domain/types';
import { formatProblem, type ImportResult } from '../../format/problems';
import { checkFileSize } from '../../format/safeJson';
import { editorActions, useEditor } from '../../store/editorStore';
import { libraryActions } from '../../store/libraryStore';

/** How many problems an import notice lists; the rest are counted. */
const LISTED_PROBLEMS = 5;
export const IMPORT_ERROR_ID = 'import-error';

export function reportImport(result: ImportResult, source: string): result is Extract<ImportResult, { ok: true }> {
  if (result.ok) return true;
  const { problems } = result;
  const more = problems.length > LISTED_PROBLEMS ? [`…and ${problems.length - LISTED_PROBLEMS} more`] : [];
  editorActions.notify('error', `${source} could not be imported, so nothing was changed. ${problems.length === 1 ? 'Problem' : 'Problems'}:`, {
    id: IMPORT_ERROR_ID,
    details: [...problems.slice(0, LISTED_PROBLEMS).map(formatProblem), ...more],
  });
  return false;
}

/** Imports map JSON as a new map in the library and opens it; the open map is never overwritten. */
export async function importText(text: string, source: string): Promise<boolean> {
  return (await openText(text, source)) !== null;
}

/** importText, answering with the map opened (its id is the library's, not the file's), or null. */
async function openText(text: string, source: string): Promise<JourneyMap | null> {
  // The importer is loaded when first needed; the app's first load does not carry it.
  const { importMapText } = await import('../../format/import');
  const result = importMapText(text);
  if (!reportImport(result, source)) return null;
  return openImported(result);
}

/** Opens an imported map as a new map in the library, with its warnings. */
async function openImported(result: Extract<ImportResult, { ok: true }>): Promise<JourneyMap> {
  editorActions.dismiss(IMPORT_ERROR_ID);
  const opened = (await libraryActions.addAndOpen(result.map)) ?? result.map;
  editorActions.notify('info', `Opened “${opened.name}” as a new map in your library.`, {
    id: 'import-done',
    ...(result.warnings.length > 0 ? { details: result.warnings } : {}),
  });
  return opened;
}

export async function importFile(file: File): Promise<boolean> {
  return (await openFile(file)) !== null;
}

/** A file opened as a new map: the map opened, and whether the file was map JSON (not a Mermaid journey). */
export interface OpenedFile {
  map: JourneyMap;
  json: boolean;
}

/** importFile, answering with the map opened, or null when the file was refused (the notice says why). */
export async function openFile(file: File): Promise<OpenedFile | null> {
  const source = `“${file.name}”`;
  // Refused by size before a single byte is read, so a huge file cannot freeze the tab.
  const tooBig = checkFileSize(file.size);
  if (tooBig) return refuse({ ok: false, problems: [tooBig] }, source);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return refuse({ ok: false, problems: [{ path: '', message: 'The file could not be read.' }] }, source);
  }
  if (await isMermaidFile(file.name, text)) {
    const map = await openMermaidText(text, source);
    return map && { map, json: false };
  }
  const map = await openText(text, source);
  return map && { map, json: true };
}

function refuse(result: Extract<ImportResult, { ok: false }>, source: string): null {
  reportImport(result, source);
  return null;
}

/** A .mmd or .md file, or (named neither way) text that is a Mermaid journey rather than JSON. */
async function isMermaidFile(name: string, text: string): Promise<boolean> {
  if (/\.(mmd|mermaid|md|markdown)$/i.test(name)) return true;
  if (/\.json$/i.test(name) || text.trimStart().startsWith('{')) return false;
  const { isMermaidJourney } = await import('../../interop/mermaidSource');
  return isMermaidJourney(text);
}

/** Imports a Mermaid journey (or Markdown holding one) as a new map; problems name their line. */
export async function importMermaidText(text: string, source: string): Promise<boolean> {
  return (await openMermaidText(text, source)) !== null;
}

async function openMermaidText(text: string, source: string): Promise<JourneyMap | null> {
  const [{ parseMermaidJourney }, { validateMap }] = await Promise.all([import('../../interop/mermaidImport'), import('../../format/validate')]);
  const parsed = parseMermaidJourney(text);
  if (!parsed.ok) {
    return refuse({ ok: false, problems: parsed.problems.map(({ line, rule }) => ({ path: `line ${line}`, message: rule })) }, source);
  }
  // Built by the domain's edits, and still checked like any map from outside.
  const result = validateMap(parsed.map);
  if (!reportImport(result, source)) return null;
  return openImported({ ...result, warnings: [...parsed.warnings, ...result.warnings] });
}

/** "Online store" → "Online store.journey.json", without characters file systems refuse. */
export function exportFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${safe || 'journey'}.journey.json`;
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportJson(): Promise<void> {
  const { exportMapText } = await import('../../format/serialise');
  // The whole document: the as-is map with every scenario, whichever is shown.
  const { document: map } = useEditor.getState();
  download(new Blob([exportMapText(map)], { type: 'application/json' }), exportFileName(map.name));
}

const MERMAID_NOTICE_ID = 'mermaid-export';

/** Downloads the main path of the journey on screen as `<map name>.mmd`, and offers to copy the text. */
export async function exportMermaid(): Promise<void> {
  const [{ writeMermaidJourney }, { mainPath }] = await Promise.all([import('../../interop/mermaidWrite'), import('../../interop/mainPath')]);
  // The journey shown: with a scenario chosen, that scenario's main path.
  const { map } = useEditor.getState();
  const path = mainPath(map);
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  if (!path.some((id) => byId.get(id)?.kind === 'touchpoint')) {
    editorActions.notify('error', 'There is no path from an entry through a touchpoint to export as a Mermaid journey.', { id: MERMAID_NOTICE_ID });
    return;
  }
  const text = writeMermaidJourney(map, { path });
  const fileName = exportFileName(map.name).replace(/\.journey\.json$/, '.mmd');
  download(new Blob([text], { type: 'text/plain' }), fileName);
  editorActions.notify('info', `Downloaded “${fileName}”: the main path as a Mermaid journey, for a README or a wiki.`, {
    id: MERMAID_NOTICE_ID,
    dismissable: true,
    actions: [{ label: 'Copy Mermaid text', run: () => void copyMermaid(text) }],
  });
}

async function copyMermaid(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    editorActions.notify('info', 'Copied the Mermaid journey: paste it into a ```mermaid block.', { id: MERMAID_NOTICE_ID });
  } catch {
    editorActions.notify('warning', 'The clipboard is not available here. Copy the text yourself:', { id: MERMAID_NOTICE_ID, details: [text] });
  }
}

export function shareBaseUrl(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** Copies a link carrying the whole map; refuses, suggesting the file, when the map is too large for a link. */
export async function copyShareLink(): Promise<void> {
  const { encodeShareFragment, MAX_SHARE_URL_LENGTH } = await import('../../format/share');
  const { document: map } = useEditor.getState();
  const link = `${shareBaseUrl()}#${encodeShareFragment(map)}`;
  if (link.length > MAX_SHARE_URL_LENGTH) {
    editorActions.notify(
      'error',
      `This map is too large for a link (${link.length.toLocaleString('en')} characters; links stay under ${MAX_SHARE_URL_LENGTH.toLocaleString('en')}). Share the file instead: Export JSON.`,
      { id: 'share-link' },
    );
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    editorActions.notify('info', `Share link copied (${link.length.toLocaleString('en')} characters). Anyone who opens it gets a copy of this map.`, {
      id: 'share-link',
    });
  } catch {
    editorActions.notify('warning', `The clipboard is not available here. Copy the link yourself (${link.length.toLocaleString('en')} characters):`, {
      id: 'share-link',
      details: [link],
    });
  }
}

/**
 * Reads the map carried by a `#map=…` link, then removes the fragment so a reload does not import it again.
 * Problems are reported; the result is the map to open, or null.
 */
export async function readSharedLink(hash: string): Promise<JourneyMap | null> {
  if (!hash.includes('map=')) return null;
  const { decodeShareFragment } = await import('../../format/share');
  const result = decodeShareFragment(hash);
  history.replaceState(null, '', shareBaseUrl());
  if (!result || !reportImport(result, 'The shared link')) return null;
  return result.map;
}

/** Opens a shared map as a new map in the library (the open map stays saved). */
export async function openSharedMap(map: JourneyMap): Promise<void> {
  const opened = await libraryActions.addAndOpen(map);
  editorActions.notify('info', `Opened the shared map “${opened?.name ?? map.name}” as a new map in your library.`, { id: 'import-done' });
}

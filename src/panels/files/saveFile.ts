/**
 * Files on disk, after Excalidraw's pattern with browser-fs-access. Where the browser can write to files the
 * user picks (the File System Access API, in Chromium), "Open…" keeps the file's handle with the map it
 * becomes, "Save" writes back to that file and "Save as…" asks where to write; elsewhere both download the
 * file. Everything here works offline: no step needs the network.
 */
import { fileOpen, fileSave, type FileWithHandle } from 'browser-fs-access';
import { editorActions, useEditor } from '../../store/editorStore';
import { fileHandleFor, rememberFileHandle } from './fileHandles';
import { download, exportFileName, openFile } from './transfer';

export const SAVE_NOTICE_ID = 'save-file';
/** The picker remembers the folder last used for map files, apart from other sites' pickers. */
const PICKER_ID = 'journey-maps';

/** Fresh each time: browser-fs-access adds the blob's type to the list it is given. */
const mapFileTypes = () => ({ description: 'Journey map', mimeTypes: ['application/json'], extensions: ['.journey.json', '.json'] });

/** Whether "Save" can write to a file on disk rather than download a copy. */
export function canWriteFiles(): boolean {
  return typeof window !== 'undefined' && 'showSaveFilePicker' in window;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
const describe = (error: unknown) => (error instanceof Error && error.message ? error.message : String(error));

/** "Open…": a map file chosen by the user, opened as a new map that remembers its file. */
export async function openMapFile(): Promise<void> {
  let file: FileWithHandle;
  try {
    file = await fileOpen({ ...mapFileTypes(), id: PICKER_ID });
  } catch (error) {
    if (isAbort(error)) return;
    editorActions.notify('error', `The file could not be opened: ${describe(error)}`, { id: SAVE_NOTICE_ID });
    return;
  }
  await openWithHandle(file, file.handle);
}

/**
 * Opens a file through the normal import as a new map; a map JSON file's handle (when there is one) is kept
 * with that map, so that "Save" writes back to it. A Mermaid journey keeps none: saving writes map JSON.
 */
export async function openWithHandle(file: File, handle?: FileSystemFileHandle): Promise<boolean> {
  const opened = await openFile(file);
  if (opened?.json && handle) rememberFileHandle(opened.map.id, handle);
  return opened !== null;
}

/** "Save": back to the file this map was opened from or last saved to; otherwise as "Save as…". */
export async function saveMap(): Promise<void> {
  const handle = fileHandleFor(useEditor.getState().document.id);
  await writeMap(handle);
}

/** "Save as…": to a file the user chooses (suggested `<map name>.journey.json`), which later saves reuse. */
export async function saveMapAs(): Promise<void> {
  await writeMap(null);
}

/** A text field commits what was typed on blur: saved with Ctrl+S from a field, that text is saved too. */
function commitFocusedField(): void {
  const field = document.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  field.blur();
  if (field.isConnected) field.focus();
}

async function writeMap(handle: FileSystemFileHandle | null): Promise<void> {
  commitFocusedField();
  const { exportMapText } = await import('../../format/serialise');
  // The whole document, as Export JSON writes it: the as-is map with every scenario, whichever is shown.
  const { document: map } = useEditor.getState();
  const blob = new Blob([exportMapText(map)], { type: 'application/json' });
  const fileName = exportFileName(map.name);
  if (!canWriteFiles()) {
    download(blob, fileName);
    editorActions.notify('info', `Downloaded “${fileName}”. This browser cannot save back to a file, so each save is a new download.`, {
      id: SAVE_NOTICE_ID,
    });
    return;
  }
  try {
    const saved = await fileSave(blob, { ...mapFileTypes(), fileName, id: PICKER_ID }, handle);
    // No handle back: browser-fs-access fell back to a download (e.g. in a cross-origin frame).
    if (!saved) {
      editorActions.notify('info', `Downloaded “${fileName}”.`, { id: SAVE_NOTICE_ID });
      return;
    }
    rememberFileHandle(map.id, saved);
    editorActions.notify('info', `Saved “${map.name}” to “${saved.name}”.`, { id: SAVE_NOTICE_ID });
  } catch (error) {
    if (isAbort(error)) return;
    editorActions.notify('error', `“${map.name}” could not be saved to the file: ${describe(error)}. Export JSON still downloads a copy.`, {
      id: SAVE_NOTICE_ID,
    });
  }
}

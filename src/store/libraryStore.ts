/**
 * Library actions the UI calls: open, import as a new map, create from a template, rename, duplicate,
 * delete with undo. They never overwrite the open map: a new or imported map gets its own record.
 */
import { create } from 'zustand';
import type { JourneyMap } from '../domain/types';
import { editorActions, useEditor } from './editorStore';
import { addToLibrary, listMaps, readMap, renameStored, restoreFromTrash, trashMap, uniqueName, type MapSummary } from './library';

export type { MapSummary };
import { getSession } from './session';

interface LibraryState {
  maps: MapSummary[];
  loading: boolean;
  error: string | null;
  /** The map deleted last, which Undo restores. */
  lastDeleted: { id: string; name: string; wasOpen: boolean } | null;
}

export const useLibrary = create<LibraryState>()(() => ({ maps: [], loading: false, error: null, lastDeleted: null }));

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const libraryActions = {
  async refresh(): Promise<void> {
    useLibrary.setState({ loading: true });
    try {
      // The open map's pending edits are saved first so its summary is current.
      await getSession().persistence.flush();
      useLibrary.setState({ maps: await listMaps(getSession().storage), loading: false, error: null });
    } catch (error) {
      useLibrary.setState({ loading: false, error: `The library could not be read: ${describe(error)}` });
    }
  },

  async open(id: string): Promise<boolean> {
    const { storage, validate, persistence } = getSession();
    if (useEditor.getState().map.id === id) return true;
    try {
      const read = await readMap(storage, validate, id);
      if (!read.ok) {
        editorActions.notify('error', `That map could not be opened: ${read.problems.slice(0, 3).join('; ')}`, { id: 'library-error' });
        return false;
      }
      await persistence.open(read.map, { rev: read.rev, viewport: read.viewport });
      return true;
    } catch (error) {
      editorActions.notify('error', `That map could not be opened: ${describe(error)}`, { id: 'library-error' });
      return false;
    }
  },

  /** Adds a map (imported, shared or from a template) to the library under a free id and name, and opens it. */
  async addAndOpen(map: JourneyMap): Promise<JourneyMap | null> {
    const { storage, persistence } = getSession();
    try {
      const existing = await listMaps(storage);
      const stored = await addToLibrary(storage, { ...map, name: uniqueName(map.name, existing) });
      await persistence.open(stored, { rev: 1 });
      await libraryActions.refresh();
      return stored;
    } catch {
      // Storage failed: open it in memory anyway (persistence warns and retries), never lose the import.
      await persistence.open(map);
      return map;
    }
  },

  async rename(id: string, name: string): Promise<string | null> {
    const trimmed = name.trim();
    if (trimmed === '') return 'A map needs a name';
    if (useEditor.getState().map.id === id) {
      if (!editorActions.renameMap(trimmed)) return useEditor.getState().lastEditError;
    } else {
      try {
        await renameStored(getSession().storage, id, trimmed);
      } catch (error) {
        return describe(error);
      }
    }
    await libraryActions.refresh();
    return null;
  },

  async duplicate(id: string): Promise<void> {
    const { storage, validate } = getSession();
    await getSession().persistence.flush();
    const read = await readMap(storage, validate, id);
    if (!read.ok) {
      editorActions.notify('error', `That map could not be duplicated: ${read.problems.slice(0, 3).join('; ')}`, { id: 'library-error' });
      return;
    }
    const existing = await listMaps(storage);
    await addToLibrary(storage, { ...read.map, name: uniqueName(`${read.map.name} (copy)`, existing) });
    await libraryActions.refresh();
  },

  /** Moves a map to the trash; the notice offers Undo. Deleting the open map opens the next one (or the sample). */
  async remove(id: string): Promise<void> {
    const { storage, persistence, fallback } = getSession();
    const wasOpen = useEditor.getState().map.id === id;
    const name = useLibrary.getState().maps.find((m) => m.id === id)?.name ?? useEditor.getState().map.name;
    await persistence.flush();
    if (wasOpen) {
      const others = (await listMaps(storage)).filter((m) => m.id !== id);
      const opened = others.length > 0 && (await libraryActions.open(others[0].id));
      if (!opened) await libraryActions.addAndOpen(fallback());
    }
    await trashMap(storage, id);
    useLibrary.setState({ lastDeleted: { id, name, wasOpen } });
    await libraryActions.refresh();
    editorActions.notify('info', `Deleted “${name}”.`, {
      id: `deleted-${id}`,
      actions: [{ label: 'Undo delete', run: () => void libraryActions.undoDelete() }],
    });
  },

  async undoDelete(): Promise<void> {
    const deleted = useLibrary.getState().lastDeleted;
    if (!deleted) return;
    useLibrary.setState({ lastDeleted: null });
    editorActions.dismiss(`deleted-${deleted.id}`);
    await restoreFromTrash(getSession().storage, deleted.id);
    if (deleted.wasOpen) await libraryActions.open(deleted.id);
    await libraryActions.refresh();
  },
};

/**
 * Library actions the UI calls: open, import as a new map, create from a template, rename, duplicate,
 * delete with undo, set aside a map that cannot be read. They never overwrite the open map: a new or imported
 * map gets its own record. Each change is saved under this tab's id and announced to the other tabs, so a tab
 * with that map open follows it (or asks), exactly as after another tab's save.
 */
import { create } from 'zustand';
import type { JourneyMap } from '../domain/types';
import { editorActions, useEditor } from './editorStore';
import type { MapSummary } from './library';
import { getSession } from './session';

/** The storage side of the library, loaded when first used: every action is asynchronous anyway. */
const library = () => import('./library');

export type { MapSummary };

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
    const { storage, validate, persistence } = getSession();
    useLibrary.setState({ loading: true });
    try {
      const { listMaps } = await library();
      // The open map's pending edits are saved first so its summary is current.
      await persistence.flush();
      const repairs: string[] = [];
      const maps = await listMaps(storage, validate, (message) => repairs.push(message));
      persistence.reportRepairs(repairs);
      useLibrary.setState({ maps, loading: false, error: null });
    } catch (error) {
      useLibrary.setState({ loading: false, error: `The library could not be read: ${describe(error)}` });
    }
  },

  async open(id: string): Promise<boolean> {
    const { storage, validate, persistence } = getSession();
    if (useEditor.getState().document.id === id) return true;
    try {
      const { readMap } = await library();
      const read = await readMap(storage, validate, id);
      if (!read.ok) {
        editorActions.notify('error', `That map could not be opened: ${read.problems.slice(0, 3).join('; ')}`, { id: 'library-error' });
        return false;
      }
      persistence.reportRepairs(read.repairs);
      await persistence.open(read.map, { rev: read.rev, savedBy: read.savedBy, viewport: read.viewport });
      return true;
    } catch (error) {
      editorActions.notify('error', `That map could not be opened: ${describe(error)}`, { id: 'library-error' });
      return false;
    }
  },

  /** Adds a map (imported, shared or from a template) to the library under a free id and name, and opens it. */
  async addAndOpen(map: JourneyMap): Promise<JourneyMap | null> {
    const { storage, validate, persistence } = getSession();
    try {
      const { addToLibrary, listMaps, uniqueName } = await library();
      const existing = await listMaps(storage, validate);
      const stored = await addToLibrary(storage, { ...map, name: uniqueName(map.name, existing) }, persistence.tabId);
      await persistence.open(stored, { rev: 1, savedBy: persistence.tabId });
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
    if (useEditor.getState().document.id === id) {
      if (!editorActions.renameMap(trimmed)) return useEditor.getState().lastEditError;
    } else {
      const { storage, persistence } = getSession();
      try {
        const { renameStored } = await library();
        const rev = await renameStored(storage, id, trimmed, persistence.tabId);
        persistence.announce({ type: 'saved', mapId: id, rev });
      } catch (error) {
        return describe(error);
      }
    }
    await libraryActions.refresh();
    return null;
  },

  /** Copies a map as a new one: the open map as it is on screen (saved or not), another as last saved. */
  async duplicate(id: string): Promise<void> {
    const { storage, validate, persistence } = getSession();
    try {
      const { addToLibrary, listMaps, readMap, uniqueName } = await library();
      await persistence.flush();
      let source: JourneyMap;
      if (useEditor.getState().document.id === id) {
        source = useEditor.getState().document;
      } else {
        const read = await readMap(storage, validate, id);
        if (!read.ok) {
          editorActions.notify('error', `That map could not be duplicated: ${read.problems.slice(0, 3).join('; ')}`, { id: 'library-error' });
          return;
        }
        source = read.map;
      }
      const existing = await listMaps(storage, validate);
      await addToLibrary(storage, { ...source, name: uniqueName(`${source.name} (copy)`, existing) }, persistence.tabId);
    } catch (error) {
      editorActions.notify('error', `That map could not be duplicated: ${describe(error)}`, { id: 'library-error' });
    }
    await libraryActions.refresh();
  },

  /** Moves a map to the trash; the notice offers Undo. Deleting the open map opens the next one (or the sample). */
  async remove(id: string): Promise<void> {
    const { storage, validate, persistence, fallback } = getSession();
    const wasOpen = useEditor.getState().document.id === id;
    const name = useLibrary.getState().maps.find((m) => m.id === id)?.name ?? useEditor.getState().document.name;
    try {
      const { listMaps, trashMap } = await library();
      await persistence.flush();
      if (wasOpen) {
        const others = (await listMaps(storage, validate)).filter((m) => m.id !== id && !m.problems);
        const opened = others.length > 0 && (await libraryActions.open(others[0].id));
        if (!opened) await libraryActions.addAndOpen(fallback());
      }
      if (await trashMap(storage, id)) persistence.announce({ type: 'deleted', mapId: id });
    } catch (error) {
      editorActions.notify('error', `“${name}” could not be deleted: ${describe(error)}`, { id: 'library-error' });
      await libraryActions.refresh();
      return;
    }
    useLibrary.setState({ lastDeleted: { id, name, wasOpen } });
    await libraryActions.refresh();
    editorActions.notify('info', `Deleted “${name}”.`, {
      id: `deleted-${id}`,
      actions: [{ label: 'Undo delete', run: () => void libraryActions.undoDelete() }],
    });
  },

  /** Restores the map deleted last, as the next revision; a version saved again since is kept instead. */
  async undoDelete(): Promise<void> {
    const deleted = useLibrary.getState().lastDeleted;
    if (!deleted) return;
    const { storage, validate, persistence } = getSession();
    useLibrary.setState({ lastDeleted: null });
    editorActions.dismiss(`deleted-${deleted.id}`);
    try {
      const { restoreFromTrash } = await library();
      const restored = await restoreFromTrash(storage, validate, deleted.id, persistence.tabId);
      if (restored.ok) {
        persistence.announce({ type: 'saved', mapId: deleted.id, rev: restored.rev });
        if (deleted.wasOpen) await libraryActions.open(deleted.id);
      } else {
        editorActions.notify('warning', `“${deleted.name}” was not restored: ${restored.problems.slice(0, 3).join('; ')}.`, { id: 'library-error', dismissable: true });
      }
    } catch (error) {
      editorActions.notify('error', `“${deleted.name}” could not be restored: ${describe(error)}`, { id: 'library-error' });
    }
    await libraryActions.refresh();
  },

  /** Moves a stored map that cannot be read out of the library, unchanged, under a quarantine key. */
  async setAside(id: string): Promise<void> {
    try {
      const { quarantineStored } = await library();
      const key = await quarantineStored(getSession().storage, id);
      if (key) editorActions.notify('info', `The map that could not be read was set aside unchanged (as "${key}").`, { id: `set-aside-${id}` });
    } catch (error) {
      editorActions.notify('error', `That map could not be set aside: ${describe(error)}`, { id: 'library-error' });
    }
    await libraryActions.refresh();
  },
};

/** Store helpers: a fresh editor store per test, and short reads of what tests look at most. */
import { editorActions, resetEditor, useEditor, type EditorState, type Selection } from '../../src/store/editorStore';
import type { JourneyMap } from '../../src/domain/types';
import { makeMap } from './maps';

/** Resets the store and opens `map` (a fresh makeMap() by default), optionally with a selection. */
export function loadStore(map: JourneyMap = makeMap(), selection?: Partial<Selection>): void {
  resetEditor(map);
  if (selection) editorActions.select({ nodes: selection.nodes ?? [], edges: selection.edges ?? [] });
}

export const editorState = (): EditorState => useEditor.getState();
export const currentMap = (): JourneyMap => useEditor.getState().map;
/** Number of undo steps recorded. */
export const undoSteps = (): number => useEditor.getState().history.past.length;
export const redoSteps = (): number => useEditor.getState().history.future.length;

/**
 * Named actions for scenarios themselves (create, rename, delete), each one undo step of the document.
 * Edits inside a scenario need nothing here: with a scenario chosen, every ordinary edit goes into it
 * (editorStore's edit()). Loaded with the scenario panels, not with the first screen.
 */
import * as scenarios from '../domain/scenarios';
import { editDocument, editorActions, useEditor } from './editorStore';

export const scenarioActions = {
  /** Creates a scenario (a copy of `from`'s changes, or none) and shows it, ready for edits. */
  createScenario(name: string, from?: string): string | undefined {
    const id = editDocument((map) => scenarios.addScenario(map, { name, ...(from ? { from } : {}) }));
    if (id !== undefined) editorActions.chooseScenario(id);
    return id;
  },
  renameScenario: (id: string, name: string): boolean => {
    editDocument((map) => scenarios.renameScenario(map, id, name));
    return useEditor.getState().lastEditError === null;
  },
  /** Deletes a scenario; if it was shown, the as-is map is shown again. */
  removeScenario(id: string): void {
    editDocument((map) => scenarios.removeScenario(map, id));
  },
};

/**
 * Named actions for personas and their overrides, each one undo step. Kept apart from editorStore so that
 * they load with the panels that use them (Personas dialog, Inspector), not with the first screen.
 */
import * as personas from '../domain/personas';
import type { OverrideField } from '../domain/personas';
import { applies, edit, editorActions, useEditor } from './editorStore';

export const personaActions = {
  addPersona(init: personas.NewPersona = {}): string | undefined {
    return edit((map) => personas.addPersona(map, init));
  },
  updatePersona: (id: string, patch: Parameters<typeof personas.updatePersona>[2]) => applies((map) => personas.updatePersona(map, id, patch)),
  /** Deletes a persona; if it was the one shown, the canvas goes back to all customers. */
  removePersona(id: string): boolean {
    const ok = applies((map) => personas.removePersona(map, id));
    if (ok && useEditor.getState().persona === id) editorActions.choosePersona(null);
    return ok;
  },
  setNodeOverride: (personaId: string, nodeId: string, field: OverrideField, value: number | undefined) =>
    applies((map) => personas.setNodeOverride(map, personaId, nodeId, field, value)),
  setEdgeOverride: (personaId: string, edgeId: string, weight: number | undefined) =>
    applies((map) => personas.setEdgeOverride(map, personaId, edgeId, weight)),
};

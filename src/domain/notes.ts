/** Sticky notes: free text on the canvas, saved with the map, ignored by the simulation. */
import { allIds, fail, requireFinitePosition } from './edits';
import { freshId } from './ids';
import type { JourneyMap, Position, StickyNote } from './types';

export const MAX_NOTE_LENGTH = 2000;
export const STICKY_MIN_WIDTH = 120;
export const STICKY_MAX_WIDTH = 600;

function requireNote(map: JourneyMap, id: string): StickyNote {
  const note = map.notes.find((n) => n.id === id);
  if (!note) fail(`There is no sticky note "${id}"`);
  return note;
}

function checkText(text: string): void {
  if (text.length > MAX_NOTE_LENGTH) fail(`A sticky note can hold at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`);
}

function checkWidth(width: number | undefined): void {
  if (width !== undefined && !(Number.isFinite(width) && width >= STICKY_MIN_WIDTH && width <= STICKY_MAX_WIDTH)) {
    fail(`A sticky note must be ${STICKY_MIN_WIDTH} to ${STICKY_MAX_WIDTH} pixels wide`);
  }
}

export function addNote(map: JourneyMap, init: { position: Position; text?: string; width?: number; id?: string }): string {
  requireFinitePosition(init.position);
  const text = init.text ?? '';
  checkText(text);
  checkWidth(init.width);
  const taken = allIds(map);
  if (init.id !== undefined && taken.has(init.id)) fail(`The id "${init.id}" is already used`);
  const note: StickyNote = { id: init.id ?? freshId('note', taken), text, position: { x: init.position.x, y: init.position.y } };
  if (init.width !== undefined) note.width = Math.round(init.width);
  map.notes.push(note);
  return note.id;
}

export function updateNote(map: JourneyMap, id: string, patch: { text?: string; width?: number }): void {
  const note = requireNote(map, id);
  if (patch.text !== undefined) checkText(patch.text);
  checkWidth(patch.width);
  if (patch.text !== undefined && patch.text !== note.text) note.text = patch.text;
  if (patch.width !== undefined) {
    const width = Math.round(patch.width);
    if (width !== note.width) note.width = width;
  }
}

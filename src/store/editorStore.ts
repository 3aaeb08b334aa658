/**
 * The editor store: the open map (document), its undo history, and session state (selection, drag,
 * viewport, notices). Components change the map only through the named actions below; each action applies
 * one pure edit from src/domain to an immer draft and records one history step.
 */
import { produce } from 'immer';
import { create } from 'zustand';
import * as edits from '../domain/edits';
import { EditError, type NewEdge, type NewNode, type NodePatch } from '../domain/edits';
import { extractFragment, pasteFragment } from '../domain/fragments';
import * as notes from '../domain/notes';
import { applyScenario, mergeScenarioEdit } from '../domain/scenarios';
import * as structure from '../domain/structure';
import type { JourneyMap, Position, Scores, Severity } from '../domain/types';
import { closeMerge, emptyHistory, record, redo as redoStep, undo as undoStep, type History } from './history';

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export type NoticeKind = 'info' | 'warning' | 'error';
export interface Notice {
  id: string;
  kind: NoticeKind;
  text: string;
  /** Notices with actions stay until the user answers them, unless `dismissable`. */
  actions?: { label: string; run: () => void }[];
  dismissable?: boolean;
  /** A short list under the text, e.g. the first problems found in an imported file. */
  details?: string[];
}

export interface EditorState {
  /**
   * What the editor shows and edits: the document, or with a scenario chosen, the document with that
   * scenario applied (domain applyScenario). Read this for anything on screen or simulated.
   */
  map: JourneyMap;
  /** The whole map as saved, exported and undone: the as-is with every scenario's changes. */
  document: JourneyMap;
  /** The scenario being shown and edited (session state); null = the as-is map. */
  scenario: string | null;
  history: History;
  selection: Selection;
  /** Positions of nodes being dragged: shown on the canvas, written to the map (one step) on drop. */
  dragPositions: Record<string, Position> | null;
  viewport: Viewport | null;
  /** Bumped whenever the map is replaced wholesale (load, new map), so the canvas can fit or restore the view. */
  mapEpoch: number;
  /** Why the last edit was refused, for the UI to show; cleared by the next successful edit. */
  lastEditError: string | null;
  notices: Notice[];
  /** The canvas element whose name is being typed in place (a node, a sticky note or a stage header). */
  inlineEdit: InlineEdit | null;
  /**
   * The persona whose view the canvas shows and whose overrides the Inspector edits; null = all customers.
   * Session state: not saved, not undone. An id no longer in the map reads as null (see activePersona).
   */
  persona: string | null;
}

export interface InlineEdit {
  kind: 'node' | 'note' | 'stage';
  id: string;
}

const initialMap = (): JourneyMap => edits.createMap({ id: 'map-empty', name: 'Untitled journey' });

export const initialEditorState = (): EditorState => {
  const map = initialMap();
  return {
  map,
  document: map,
  scenario: null,
  history: emptyHistory(),
  selection: { nodes: [], edges: [] },
  dragPositions: null,
  viewport: null,
  mapEpoch: 0,
  lastEditError: null,
  notices: [],
  inlineEdit: null,
  persona: null,
  };
};

export const useEditor = create<EditorState>()(() => initialEditorState());

const get = useEditor.getState;
const set = useEditor.setState;

/** The map shown for a document and a scenario (the document itself for the as-is or a scenario it lacks). */
const shown = (document: JourneyMap, scenario: string | null): JourneyMap => (scenario === null ? document : applyScenario(document, scenario));

/** The session's scenario, if the document still has it. */
const scenarioIn = (document: JourneyMap, scenario: string | null): string | null =>
  scenario !== null && document.scenarios.some((s) => s.id === scenario) ? scenario : null;

/**
 * Applies a domain edit as one undoable step. Returns the edit's result, or undefined when it was refused.
 * The edit runs on the map shown; in a scenario, what it changes in nodes and edges becomes the scenario's
 * changes (the as-is stays as it was) and the rest goes into the as-is. Edits with the same `mergeKey` in a
 * row join one step until the merge is closed (history.ts).
 */
export function edit<T>(recipe: (draft: JourneyMap) => T, mergeKey?: string): T | undefined {
  const { map: before, document, scenario } = get();
  let result: T | undefined;
  try {
    const after = produce(before, (draft) => {
      result = recipe(draft);
    });
    if (after !== before) {
      const next = scenario === null ? after : mergeScenarioEdit(document, scenario, before, after);
      set({ document: next, map: scenario === null ? next : shown(next, scenario), history: record(get().history, document, mergeKey), lastEditError: null });
    } else if (get().lastEditError !== null) set({ lastEditError: null });
    return result;
  } catch (error) {
    if (error instanceof EditError) {
      set({ lastEditError: error.message });
      return undefined;
    }
    throw error;
  }
}

/** An undoable edit of the whole document (scenarios themselves: add, rename, delete), whatever is shown. */
export function editDocument<T>(recipe: (draft: JourneyMap) => T): T | undefined {
  const { document } = get();
  let result: T | undefined;
  try {
    const next = produce(document, (draft) => {
      result = recipe(draft);
    });
    if (next !== document) {
      const scenario = scenarioIn(next, get().scenario);
      set({ document: next, scenario, map: shown(next, scenario), history: record(get().history, document), lastEditError: null });
    }
    return result;
  } catch (error) {
    if (error instanceof EditError) {
      set({ lastEditError: error.message });
      return undefined;
    }
    throw error;
  }
}

/** Like editDocument() for edits without a result: true when the edit was accepted. */
function appliesToDocument(recipe: (draft: JourneyMap) => void): boolean {
  editDocument(recipe);
  return get().lastEditError === null;
}

/** Like edit() for edits without a result: true when the edit was accepted. */
export function applies(recipe: (draft: JourneyMap) => void): boolean {
  edit(recipe);
  return get().lastEditError === null;
}

function pruneSelection(map: JourneyMap, selection: Selection): Selection {
  const nodeIds = new Set([...map.nodes.map((n) => n.id), ...map.notes.map((n) => n.id)]);
  const edgeIds = new Set(map.edges.map((e) => e.id));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length ? selection : { nodes, edges };
}

/** Of these positions, those that differ from where the node or note is now (deleted ones left out). */
function movedFrom(map: JourneyMap, positions: Record<string, Position>): Record<string, Position> {
  return Object.fromEntries(
    Object.entries(positions).filter(([id, p]) => {
      const item = map.nodes.find((n) => n.id === id) ?? map.notes.find((n) => n.id === id);
      return item !== undefined && (item.position.x !== p.x || item.position.y !== p.y);
    }),
  );
}

/** The history merge key of arrow-key nudges. */
const NUDGE = 'nudge';

let noticeCounter = 0;

export const editorActions = {
  addNode(init: NewNode): string | undefined {
    const id = edit((map) => edits.addNode(map, init));
    if (id !== undefined) set({ selection: { nodes: [id], edges: [] } });
    return id;
  },
  updateNode: (id: string, patch: NodePatch) => applies((map) => edits.updateNode(map, id, patch)),
  setScores: (id: string, scores: Scores) => applies((map) => edits.setScores(map, id, scores)),
  addFriction: (nodeId: string, note: string, severity: Severity) => edit((map) => edits.addFriction(map, nodeId, note, severity)),
  resolveFriction: (nodeId: string, frictionId: string, resolved: boolean) =>
    edit((map) => edits.resolveFriction(map, nodeId, frictionId, resolved)),
  removeFriction: (nodeId: string, frictionId: string) => edit((map) => edits.removeFriction(map, nodeId, frictionId)),
  connect(init: NewEdge): string | undefined {
    return edit((map) => edits.connect(map, init));
  },
  updateEdge: (id: string, patch: { weight?: number; label?: string }) => applies((map) => edits.updateEdge(map, id, patch)),
  renameMap: (name: string) => applies((map) => edits.renameMap(map, name)),
  setSimulationSettings: (patch: Parameters<typeof edits.setSimulationSettings>[1]) => applies((map) => edits.setSimulationSettings(map, patch)),
  updateFriction: (nodeId: string, frictionId: string, patch: { note?: string; severity?: Severity }) =>
    applies((map) => edits.updateFriction(map, nodeId, frictionId, patch)),

  // Stages and channels belong to the as-is map, also while a scenario is shown: every change of the columns
  // moves the nodes inside them, as one undo step.
  addStage: (init: structure.NewStage = {}) => editDocument((map) => structure.addStage(map, init)),
  renameStage: (id: string, name: string) => appliesToDocument((map) => structure.renameStage(map, id, name)),
  moveStage: (id: string, direction: -1 | 1) => appliesToDocument((map) => structure.moveStage(map, id, direction)),
  removeStage: (id: string, moveNodesTo?: string) => appliesToDocument((map) => structure.removeStage(map, id, moveNodesTo)),
  setStageColour: (id: string, colour: string | undefined) => appliesToDocument((map) => structure.setStageColour(map, id, colour)),

  // Channels.
  addChannel: (name: string, colour?: string) => editDocument((map) => structure.addChannel(map, name, colour)),
  renameChannel: (id: string, name: string) => appliesToDocument((map) => structure.renameChannel(map, id, name)),
  setChannelColour: (id: string, colour: string | undefined) => appliesToDocument((map) => structure.setChannelColour(map, id, colour)),
  removeChannel: (id: string, replacement?: string | null) => appliesToDocument((map) => structure.removeChannel(map, id, replacement)),

  // Sticky notes.
  addNote(position: Position, text = ''): string | undefined {
    const id = edit((map) => notes.addNote(map, { position, text }));
    if (id !== undefined) set({ selection: { nodes: [id], edges: [] } });
    return id;
  },
  updateNote: (id: string, patch: { text?: string; width?: number }) => applies((map) => notes.updateNote(map, id, patch)),

  /** Tidy layout's result: stage widths and node positions, one undo step. */
  applyLayout(positions: Record<string, Position>, stageWidths: Record<string, number>): boolean {
    return applies((map) => {
      structure.setStageWidths(map, stageWidths);
      edits.moveNodes(map, positions);
    });
  },

  selectAll(): void {
    const { map } = get();
    editorActions.select({ nodes: [...map.nodes.map((n) => n.id), ...map.notes.map((n) => n.id)], edges: [] });
  },
  /** The selected nodes and notes (with the edges between them) as a map fragment, or null. */
  copySelection(): JourneyMap | null {
    const { map, selection } = get();
    return extractFragment(map, selection.nodes);
  },
  /** Pastes a fragment (one undo step) and selects what was pasted. */
  paste(fragment: JourneyMap, offset: Position): { ids: string[]; addedChannels: string[] } | undefined {
    const result = edit((map) => pasteFragment(map, fragment, offset));
    if (result) set({ selection: { nodes: result.ids, edges: [] } });
    return result;
  },
  /** Copies the selection into the same map, a little down and to the right (one undo step). */
  duplicateSelection(offset: Position = { x: 40, y: 40 }): string[] {
    const fragment = editorActions.copySelection();
    if (!fragment) return [];
    return editorActions.paste(fragment, offset)?.ids ?? [];
  },
  /** Cut = copy + delete, the delete being one undo step. */
  cutSelection(): JourneyMap | null {
    const fragment = editorActions.copySelection();
    if (fragment) editorActions.removeSelection();
    return fragment;
  },

  startInlineEdit(target: InlineEdit): void {
    set({ inlineEdit: target });
  },
  endInlineEdit(): void {
    if (get().inlineEdit !== null) set({ inlineEdit: null });
  },

  /** Deletes nodes (with their edges) and edges as a single undo step. */
  removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    if (nodeIds.length === 0 && edgeIds.length === 0) return;
    edit((map) => {
      edits.removeEdges(map, edgeIds);
      edits.removeNodes(map, nodeIds);
    });
    set({ selection: pruneSelection(get().map, get().selection) });
  },
  removeSelection(): void {
    const { nodes, edges } = get().selection;
    editorActions.removeElements(nodes, edges);
  },

  /** Live drag: positions are shown but not yet part of the map (no history, no save per pixel). */
  dragNodes(positions: Record<string, Position>): void {
    set({ dragPositions: { ...get().dragPositions, ...positions } });
  },
  /** A drag ends: the final positions become one undoable move (stages follow the bands). */
  endDrag(positions: Record<string, Position> = {}): void {
    const final = { ...get().dragPositions, ...positions };
    set({ dragPositions: null });
    const moved = movedFrom(get().map, final);
    if (Object.keys(moved).length > 0) edit((map) => edits.moveNodes(map, moved));
  },
  /**
   * An arrow-key nudge of the selected nodes. Nudges while one key is held (auto-repeat) join one undo step,
   * until endNudge() (the key is released) or any other edit.
   */
  nudgeNodes(positions: Record<string, Position>): void {
    const moved = movedFrom(get().map, positions);
    if (Object.keys(moved).length > 0) edit((map) => edits.moveNodes(map, moved), NUDGE);
  },
  /** The nudging key is released (or a new press begins): the next nudge is an undo step of its own. */
  endNudge(): void {
    const { history } = get();
    if (history.merging === NUDGE) set({ history: closeMerge(history) });
  },

  select(selection: Selection): void {
    const current = get().selection;
    if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
    set({ selection });
  },
  setViewport(viewport: Viewport): void {
    set({ viewport });
  },

  undo(): void {
    const step = undoStep(get().history, get().document);
    if (step) restore(step.map, step.history);
  },
  redo(): void {
    const step = redoStep(get().history, get().document);
    if (step) restore(step.map, step.history);
  },

  /** Replaces the open map (load, new map, another tab's version). Not undoable: history starts afresh. */
  loadMap(map: JourneyMap, viewport: Viewport | null = null): void {
    // The same map again (another tab's save): stay in the scenario being edited if it is still there.
    const scenario = map.id === get().document.id ? scenarioIn(map, get().scenario) : null;
    set({
      map: shown(map, scenario),
      document: map,
      scenario,
      history: emptyHistory(),
      selection: { nodes: [], edges: [] },
      dragPositions: null,
      viewport,
      mapEpoch: get().mapEpoch + 1,
      lastEditError: null,
      inlineEdit: null,
      persona: null,
    });
  },
  /** Shows and edits a scenario (null: the as-is map). Not an edit: nothing is saved or undone. */
  chooseScenario(id: string | null): void {
    const { document } = get();
    const scenario = scenarioIn(document, id);
    if (scenario === get().scenario) return;
    const map = shown(document, scenario);
    set({ scenario, map, selection: pruneSelection(map, get().selection), dragPositions: null, inlineEdit: null });
  },
  /** Shows the map as one persona sees it (null: all customers). */
  choosePersona(id: string | null): void {
    if (get().persona !== id) set({ persona: id });
  },

  notify(kind: NoticeKind, text: string, options: { id?: string } & Pick<Notice, 'actions' | 'dismissable' | 'details'> = {}): string {
    const id = options.id ?? `notice-${++noticeCounter}`;
    const notice: Notice = {
      id,
      kind,
      text,
      ...(options.actions ? { actions: options.actions } : {}),
      ...(options.dismissable ? { dismissable: true } : {}),
      ...(options.details ? { details: options.details } : {}),
    };
    set({ notices: [...get().notices.filter((n) => n.id !== id), notice] });
    return id;
  },
  dismiss(id: string): void {
    if (get().notices.some((n) => n.id === id)) set({ notices: get().notices.filter((n) => n.id !== id) });
  },
  clearEditError(): void {
    if (get().lastEditError !== null) set({ lastEditError: null });
  },
};

/** Puts back a document from the history, staying in the scenario shown if it still exists. */
function restore(document: JourneyMap, history: History): void {
  const scenario = scenarioIn(document, get().scenario);
  const map = shown(document, scenario);
  set({ document, scenario, map, history, selection: pruneSelection(map, get().selection), lastEditError: null });
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Resets the store (tests, and the app shell before hydration). */
export function resetEditor(map?: JourneyMap): void {
  set(initialEditorState());
  if (map) editorActions.loadMap(map);
}

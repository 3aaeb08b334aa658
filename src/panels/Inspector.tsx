import { useShallow } from 'zustand/react/shallow';
import { editorActions, useEditor } from '../store/editorStore';
import { selectEdge, nodeIndex } from '../store/selectors';
import { CommitField, formatNumber, parseNumber, refusal, type Commit } from './fields';
import { NodeInspector } from './NodeInspector';
import { EdgeWeightOverride, PersonaBanner, useInspectedPersona } from './personas/overrides';

/** Edits whatever is selected: one node, one edge, several elements, or (nothing selected) the map. */
export function Inspector() {
  const selection = useEditor(useShallow((s) => s.selection));
  const count = selection.nodes.length + selection.edges.length;
  let body;
  const isNote = useEditor((s) => selection.nodes.length === 1 && s.map.notes.some((n) => n.id === selection.nodes[0]));
  if (isNote && selection.edges.length === 0) body = <NoteInspector key={selection.nodes[0]} id={selection.nodes[0]} />;
  else if (selection.nodes.length === 1 && selection.edges.length === 0) body = <NodeInspector key={selection.nodes[0]} id={selection.nodes[0]} />;
  else if (selection.edges.length === 1 && selection.nodes.length === 0) body = <EdgeInspector key={selection.edges[0]} id={selection.edges[0]} />;
  else if (count > 1) body = <MultiInspector nodes={selection.nodes.length} edges={selection.edges.length} />;
  else body = <MapInspector />;
  return (
    <aside id="jd-inspector" className="jd-inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}

/** A sticky note: its text, for those who prefer the keyboard and a bigger field to the canvas. */
function NoteInspector({ id }: { id: string }) {
  const note = useEditor((s) => s.map.notes.find((n) => n.id === id));
  if (!note) return null;
  const commitText: Commit = (text) => refusal(editorActions.updateNote(id, { text }));
  return (
    <div className="jd-inspector__body">
      <h2 className="jd-inspector__title">
        <span className="jd-kind jd-kind--note">Sticky note</span>
      </h2>
      <CommitField label="Note text" value={note.text} commit={commitText} multiline hint="Shift+Enter starts a new line. Notes are saved with the map but play no part in the simulation." />
    </div>
  );
}

function EdgeInspector({ id }: { id: string }) {
  const edge = useEditor(selectEdge(id));
  const persona = useInspectedPersona();
  const ends = useEditor(
    useShallow((s) => {
      const index = nodeIndex(s.map.nodes);
      return [index.get(edge?.source ?? '')?.label ?? '?', index.get(edge?.target ?? '')?.label ?? '?'];
    }),
  );
  if (!edge) return null;
  const commitWeight: Commit = (text) => {
    // No lower bound here: anything not above 0 gets the one message that states the rule.
    const parsed = parseNumber(text, 'Weight', { min: -Infinity, max: Infinity });
    if (!parsed.ok) return parsed.error;
    if (parsed.value === undefined || parsed.value <= 0) return 'Weight must be above 0';
    return refusal(editorActions.updateEdge(id, { weight: parsed.value }));
  };
  const commitLabel: Commit = (text) => refusal(editorActions.updateEdge(id, { label: text.trim() }));
  return (
    <div className="jd-inspector__body">
      <h2 className="jd-inspector__title">
        <span className="jd-kind jd-kind--edge">Connection</span>
      </h2>
      {persona && <PersonaBanner persona={persona} kind="edge" />}
      <p className="jd-edge-ends">
        {ends[0]} → {ends[1]}
      </p>
      {persona ? (
        <EdgeWeightOverride persona={persona} edge={edge} />
      ) : (
        <CommitField
          label="Weight"
          value={formatNumber(edge.weight)}
          commit={commitWeight}
          inputMode="decimal"
          hint={
            edge.observed
              ? `From data (n = ${edge.observed.count.toLocaleString('en')} transitions)${edge.observed.designed === undefined ? '' : `; designed weight ${formatNumber(edge.observed.designed)}`}. Typing a value replaces it.`
              : 'Relative likelihood among the ways out of the source'
          }
        />
      )}
      <CommitField label="Label" value={edge.label ?? ''} commit={commitLabel} />
    </div>
  );
}

function MultiInspector({ nodes, edges }: { nodes: number; edges: number }) {
  const parts = [nodes ? `${nodes} node${nodes === 1 ? '' : 's'}` : '', edges ? `${edges} connection${edges === 1 ? '' : 's'}` : ''].filter(Boolean);
  return (
    <div className="jd-inspector__body">
      <h2 className="jd-inspector__title">{parts.join(' and ')} selected</h2>
      <button type="button" className="jd-button jd-button--danger" onClick={() => editorActions.removeSelection()}>
        Delete selected
      </button>
    </div>
  );
}

function MapInspector() {
  const name = useEditor((s) => s.map.name);
  const description = useEditor((s) => s.map.description);
  const counts = useEditor(useShallow((s) => [s.map.nodes.length, s.map.edges.length]));
  const commitName: Commit = (text) => refusal(editorActions.renameMap(text));
  return (
    <div className="jd-inspector__body">
      <h2 className="jd-inspector__title">
        <span className="jd-kind jd-kind--map">Journey map</span>
      </h2>
      <CommitField label="Map name" value={name} commit={commitName} />
      <p className="jd-muted">{description}</p>
      <p className="jd-muted">
        {counts[0]} nodes · {counts[1]} connections
      </p>
      <div className="jd-help">
        <p>Select a touchpoint to edit its scores and friction.</p>
        <p>Drag from a node’s right handle to another node to connect them.</p>
      </div>
    </div>
  );
}


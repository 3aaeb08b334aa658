/**
 * Marks on the canvas where the chosen persona's view differs from the map's: a dot on a card whose drop-off,
 * entry share or emotion the persona overrides, and a ring around a share that its weights change. Loaded only
 * once a persona is chosen; each mark selects a short text (a primitive), so it re-renders only when that changes.
 */
import { findPersona } from '../../domain/personaView';
import type { Emotion } from '../../domain/types';
import { useEditor, type EditorState } from '../../store/editorStore';
import { edgeShare, nodeIndex, viewedMap } from '../../store/selectors';
import { personaStyle } from './personaStyle';
import './personaMarks.css';

const percent = (share: number | undefined) => (share === undefined ? 'from friction' : `${Number((share * 100).toFixed(1))}%`);
const emotion = (value: Emotion | undefined) => (value === undefined ? 'not set' : value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

/** "First-time buyer: drop-off 50% (map 35%)", or null when the persona sees this node as the map has it. */
export const nodeDifference = (id: string) => (s: EditorState): string | null => {
  const view = viewedMap(s);
  if (view === s.map) return null;
  const mine = nodeIndex(view.nodes).get(id);
  const base = nodeIndex(s.map.nodes).get(id);
  if (!mine || !base || mine === base) return null;
  const parts: string[] = [];
  if (mine.share !== base.share) parts.push(`share ${mine.share ?? 1} (map ${base.share ?? 1})`);
  if (mine.dropOff !== base.dropOff) parts.push(`drop-off ${percent(mine.dropOff)} (map ${percent(base.dropOff)})`);
  if (mine.emotion !== base.emotion) parts.push(`emotion ${emotion(mine.emotion)} (map ${emotion(base.emotion)})`);
  return parts.length === 0 ? null : `${findPersona(s.map, s.persona)?.name}: ${parts.join(', ')}`;
};

/** "First-time buyer: 70% (map 50%)", or null when the persona's share of this edge rounds to the map's. */
export const edgeDifference = (id: string) => (s: EditorState): string | null => {
  const view = viewedMap(s);
  if (view === s.map) return null;
  const mine = edgeShare(view.edges, id);
  const base = edgeShare(s.map.edges, id);
  if (mine === null || base === null || Math.round(mine * 100) === Math.round(base * 100)) return null;
  return `${findPersona(s.map, s.persona)?.name}: ${Math.round(mine * 100)}% (map ${Math.round(base * 100)}%)`;
};

const selectColour = (s: EditorState) => findPersona(s.map, s.persona)?.colour;

export function NodePersonaMark({ id }: { id: string }) {
  const text = useEditor(nodeDifference(id));
  const colour = useEditor(selectColour);
  if (text === null) return null;
  return <span className="jd-persona-mark" role="img" aria-label={text} title={text} style={personaStyle(colour)} />;
}

export function EdgePersonaMark({ id }: { id: string }) {
  const text = useEditor(edgeDifference(id));
  const colour = useEditor(selectColour);
  if (text === null) return null;
  return <span className="jd-persona-ring" role="img" aria-label={text} title={text} style={personaStyle(colour)} />;
}

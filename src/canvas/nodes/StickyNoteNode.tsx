/** A sticky note on the canvas: yellow, as wide as the user makes it, as tall as its text. */
import { useStoreApi, type NodeProps } from '@xyflow/react';
import { memo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { STICKY_WIDTH } from '../../domain/layout';
import { STICKY_MAX_WIDTH, STICKY_MIN_WIDTH } from '../../domain/notes';
import { editorActions, useEditor } from '../../store/editorStore';
import { InlineText } from './InlineText';

function StickyNoteView({ id, selected }: NodeProps) {
  const note = useEditor((s) => s.map.notes.find((n) => n.id === id));
  const editing = useEditor((s) => s.inlineEdit?.kind === 'note' && s.inlineEdit.id === id);
  // Read when a resize starts: a subscription would re-render every note on every zoom step.
  const flowStore = useStoreApi();
  const [liveWidth, setLiveWidth] = useState<number | null>(null);
  const start = useRef<{ x: number; width: number; zoom: number } | null>(null);
  if (!note) return null;
  const width = liveWidth ?? note.width ?? STICKY_WIDTH;

  const clamp = (w: number) => Math.round(Math.min(STICKY_MAX_WIDTH, Math.max(STICKY_MIN_WIDTH, w)));
  const onPointerDown = (event: ReactPointerEvent) => {
    event.stopPropagation();
    (event.target as Element).setPointerCapture(event.pointerId);
    start.current = { x: event.clientX, width, zoom: flowStore.getState().transform[2] };
  };
  const onPointerMove = (event: ReactPointerEvent) => {
    if (start.current) setLiveWidth(clamp(start.current.width + (event.clientX - start.current.x) / start.current.zoom));
  };
  const onPointerUp = () => {
    if (start.current && liveWidth !== null) editorActions.updateNote(id, { width: liveWidth });
    start.current = null;
    setLiveWidth(null);
  };

  return (
    <div className={`jd-sticky${selected ? ' is-selected' : ''}`} style={{ width }}>
      {editing ? (
        <InlineText
          label="Sticky note text"
          initial={note.text}
          multiline
          commit={(text) => (editorActions.updateNote(id, { text }) ? null : (useEditor.getState().lastEditError ?? 'The note was refused'))}
          onDone={() => editorActions.endInlineEdit()}
        />
      ) : (
        <p className="jd-sticky__text">{note.text.trim() === '' ? <span className="jd-sticky__placeholder">Double-click to write</span> : note.text}</p>
      )}
      <span
        className="jd-sticky__resize nodrag nopan"
        aria-hidden="true"
        title="Drag to change the width"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
    </div>
  );
}

export const StickyNoteNode = memo(StickyNoteView);

/**
 * A stage's header on the canvas: its name (double-click or Enter renames it in place) and an options menu
 * to rename, move, insert after, delete and colour the stage. Every change is a named store action, one
 * undo step; nothing here writes the map.
 */
import { memo, useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { nodesInStage } from '../domain/structure';
import { COLOUR_PALETTE, type Stage } from '../domain/types';
import { editorActions, useEditor, type InlineEdit } from '../store/editorStore';
import { onMenuButtonKeyDown } from '../ui/menuButtonKeys';
import { InlineText } from './nodes/InlineText';
import type { StageRef } from './stages/DeleteStageDialog';
import type { MenuAction, MenuColour } from './stages/StageMenu';
import { DeleteStageDialog, StageMenu } from './stages/stageOverlays';

/** Which control of a header gets focus after an edit re-renders the bands. */
export interface FocusRequest {
  id: string;
  part: 'name' | 'options';
}

interface StageHeaderProps {
  stage: Stage;
  index: number;
  count: number;
  /** Focus a header's control once the bands have re-rendered (moving a band moves its element). */
  requestFocus: (request: FocusRequest) => void;
  /** Id of the hint that says how to rename. */
  hintId: string;
}

interface Deleting {
  nodeCount: number;
  left?: StageRef;
  right?: StageRef;
}

const isThisStage = (edit: InlineEdit | null, id: string) => edit?.kind === 'stage' && edit.id === id;

/** A refused rename's reason, shown next to the field; the global message is cleared as the field shows it. */
function renameStage(id: string, name: string): string | null {
  if (editorActions.renameStage(id, name)) return null;
  const reason = useEditor.getState().lastEditError ?? 'That name was refused';
  editorActions.clearEditError();
  return reason;
}

function StageHeaderView({ stage, index, count, requestFocus, hintId }: StageHeaderProps) {
  const { id, name } = stage;
  const editing = useEditor((s) => isThisStage(s.inlineEdit, id));
  const [menu, setMenu] = useState<false | 'first' | 'last'>(false);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const header = useRef<HTMLDivElement>(null);
  const optionsButton = useRef<HTMLButtonElement>(null);
  const optionsId = useId();
  const menuId = useId();

  const startRename = () => editorActions.startInlineEdit({ kind: 'stage', id });

  const onNameKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'Enter' && event.key !== 'F2') return;
    event.preventDefault();
    event.stopPropagation();
    startRename();
  };

  const endRename = () => {
    // Enter or Escape leave focus in the field: give it back to the header. A click elsewhere keeps its focus.
    const focusWasHere = header.current?.contains(document.activeElement) ?? false;
    if (isThisStage(useEditor.getState().inlineEdit, id)) editorActions.endInlineEdit();
    if (focusWasHere) requestFocus({ id, part: 'name' });
  };

  const closeMenu = useCallback(
    (returnFocus: boolean) => {
      setMenu(false);
      if (returnFocus) requestFocus({ id, part: 'options' });
    },
    [id, requestFocus],
  );

  const deleteStage = () => {
    const { map } = useEditor.getState();
    const i = map.stages.findIndex((s) => s.id === id);
    const left = map.stages[i - 1];
    const right = map.stages[i + 1];
    const nodeCount = nodesInStage(map, id).length;
    if (nodeCount > 0) {
      setMenu(false);
      setDeleting({
        nodeCount,
        ...(left ? { left: { id: left.id, name: left.name } } : {}),
        ...(right ? { right: { id: right.id, name: right.name } } : {}),
      });
      return;
    }
    if (!editorActions.removeStage(id)) return closeMenu(true);
    setMenu(false);
    const neighbour = left ?? right;
    if (neighbour) requestFocus({ id: neighbour.id, part: 'name' });
    announceDeleted(name);
  };

  const moveNodesAndDelete = (target: string) => {
    if (editorActions.removeStage(id, target)) requestFocus({ id: target, part: 'name' });
    else {
      setDeleting(null);
      requestFocus({ id, part: 'options' });
    }
  };

  const actions: MenuAction[] = [
    {
      label: 'Rename',
      run: () => {
        setMenu(false);
        startRename();
      },
    },
    {
      label: 'Move left',
      disabled: index === 0,
      run: () => {
        editorActions.moveStage(id, -1);
        closeMenu(true);
      },
    },
    {
      label: 'Move right',
      disabled: index === count - 1,
      run: () => {
        editorActions.moveStage(id, 1);
        closeMenu(true);
      },
    },
    {
      label: 'Insert stage after',
      run: () => {
        setMenu(false);
        const added = editorActions.addStage({ after: id });
        if (added !== undefined) editorActions.startInlineEdit({ kind: 'stage', id: added });
        else requestFocus({ id, part: 'options' });
      },
    },
    { label: 'Delete stage', disabled: count <= 1, run: deleteStage },
  ];

  const chooseColour = (hex: string | undefined) => () => {
    editorActions.setStageColour(id, hex);
    closeMenu(true);
  };
  const colours: MenuColour[] = [
    { label: 'No colour', hex: undefined, checked: stage.colour === undefined, run: chooseColour(undefined) },
    ...COLOUR_PALETTE.map((c) => ({ label: `Colour ${c.name}`, hex: c.hex, checked: stage.colour === c.hex, run: chooseColour(c.hex) })),
  ];

  const onOptionsKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => onMenuButtonKeyDown(event, setMenu);

  return (
    <div ref={header} className="jd-stage__label nodrag nopan nokey" data-stage-id={id}>
      <span className="jd-stage__index" aria-hidden="true">
        {index + 1}
      </span>
      {editing ? (
        <div className="jd-stage__field">
          <InlineText label="Stage name" initial={name} commit={(text) => renameStage(id, text)} onDone={endRename} className="jd-stage__input" />
        </div>
      ) : (
        <button
          type="button"
          className="jd-stage__name"
          data-focus="name"
          aria-label={`Stage ${name}`}
          aria-describedby={hintId}
          title={`${name} · double-click or press Enter to rename`}
          onDoubleClick={startRename}
          onKeyDown={onNameKeyDown}
        >
          {name}
        </button>
      )}
      <button
        ref={optionsButton}
        id={optionsId}
        type="button"
        className="jd-stage__options"
        data-focus="options"
        aria-label={`Stage options for ${name}`}
        title="Stage options"
        aria-haspopup="menu"
        aria-expanded={menu !== false}
        aria-controls={menu !== false ? menuId : undefined}
        onClick={() => setMenu((open) => (open ? false : 'first'))}
        onKeyDown={onOptionsKeyDown}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="3" cy="8" r="1.6" />
          <circle cx="8" cy="8" r="1.6" />
          <circle cx="13" cy="8" r="1.6" />
        </svg>
      </button>
      {menu !== false && (
        <StageMenu id={menuId} anchor={optionsButton} anchorId={optionsId} initialFocus={menu} actions={actions} colours={colours} onClose={closeMenu} />
      )}
      {deleting && (
        <DeleteStageDialog
          stageName={name}
          nodeCount={deleting.nodeCount}
          {...(deleting.left ? { left: deleting.left } : {})}
          {...(deleting.right ? { right: deleting.right } : {})}
          onMove={moveNodesAndDelete}
          onCancel={() => {
            setDeleting(null);
            requestFocus({ id, part: 'options' });
          }}
        />
      )}
    </div>
  );
}

/** A polite status: the stage is gone, and one click (or Ctrl+Z) brings it back. */
function announceDeleted(name: string): void {
  const after = useEditor.getState().map;
  const noticeId = 'stage-deleted';
  editorActions.notify('info', `Deleted stage ${name}. Ctrl+Z brings it back.`, {
    id: noticeId,
    actions: [
      {
        label: 'Undo',
        run: () => {
          // Only while the deletion is still the last edit: never undo something else.
          if (useEditor.getState().map === after) editorActions.undo();
          editorActions.dismiss(noticeId);
        },
      },
    ],
    dismissable: true,
  });
}

export const StageHeader = memo(StageHeaderView);

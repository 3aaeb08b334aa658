/**
 * Custom node components, one per node kind. Each selects its own node from the store by id, so an edit
 * re-renders only the node it touches; at low zoom they draw a simplified card.
 */
import { Handle, Position, useStore as useFlowStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { lazy, memo, Suspense } from 'react';
import type { JourneyNode } from '../../domain/types';
import { editorActions, useEditor } from '../../store/editorStore';
import { activePersona, selectScenarioMark, selectViewedNode } from '../../store/selectors';
import { channelStyle } from '../channelColour';
import { InlineText } from './InlineText';
import { EmotionMarker, FrictionBadge, ScoreStrip } from './parts';
import { StickyNoteNode } from './StickyNoteNode';
import { heatStyle, overlayClasses, useNodeHeat, useOnPath } from '../simulationOverlay';

/** Below this zoom, labels only: the details are unreadable anyway and cost frames on big maps. */
export const SIMPLE_ZOOM = 0.45;
const isLowZoom = (s: ReactFlowState) => s.transform[2] < SIMPLE_ZOOM;
// Loads just after the first render: a map shows its cards first, their opportunity counts a moment later.
const OpportunityBadge = lazy(() => import('./OpportunityBadge'));

/** Loaded once a persona is chosen: marks a card whose values differ for that persona. */
const NodePersonaMark = lazy(() => import('../persona/PersonaMarks').then((m) => ({ default: m.NodePersonaMark })));

/** What every node card reads: its own node as the chosen persona sees it, its channel, the zoom and its overlay. */
function useNodeView(id: string) {
  const persona = useEditor(activePersona);
  const node = useEditor(selectViewedNode(id));
  const channel = useEditor((s) => (node?.channel === undefined ? undefined : s.map.channels.find((c) => c.id === node.channel)));
  const simple = useFlowStore(isLowZoom);
  const heat = useNodeHeat(id, persona);
  const onPath = useOnPath(id);
  const renaming = useEditor((s) => s.inlineEdit?.kind === 'node' && s.inlineEdit.id === id);
  return { node, channel, simple, heat, onPath, renaming, persona };
}

const NAME_LABELS = { entry: 'Entry name', touchpoint: 'Touchpoint name', outcome: 'Outcome name' } as const;

/** The card's name, or while renaming in place, a field for it. */
function NodeName({ node, renaming }: { node: JourneyNode; renaming: boolean }) {
  if (!renaming) return <span className="jd-node__label">{node.label}</span>;
  return (
    <InlineText
      label={NAME_LABELS[node.kind]}
      initial={node.label}
      className="jd-node__label-input"
      commit={(text) => {
        if (text.trim() === '') return 'A node needs a name';
        return editorActions.updateNode(node.id, { label: text.trim() }) ? null : (useEditor.getState().lastEditError ?? 'The name was refused');
      }}
      onDone={() => {
        editorActions.endInlineEdit();
        // Back to the card, so the keyboard user carries on from where they were.
        requestAnimationFrame(() => (document.querySelector(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`) as HTMLElement | null)?.focus());
      }}
    />
  );
}

function ChannelChip({ channel }: { channel: { name: string; colour?: string } | undefined }) {
  if (!channel) return null;
  return (
    <div className="jd-channel" style={channelStyle(channel.colour)}>
      {channel.name}
    </div>
  );
}

const MARK_TEXT = { added: 'New', changed: 'Changed' } as const;

/** A tag on a card the scenario shown adds or changes (nothing in the as-is map). */
function ScenarioMark({ id }: { id: string }) {
  const mark = useEditor(selectScenarioMark(id));
  if (!mark) return null;
  return (
    <span className={`jd-scenario-mark is-${mark}`} role="img" aria-label={mark === 'added' ? 'Added in this scenario' : 'Changed in this scenario'}>
      {MARK_TEXT[mark]}
    </span>
  );
}

function TouchpointNodeView({ id, selected }: NodeProps) {
  const { node, channel, simple, heat, onPath, renaming, persona } = useNodeView(id);
  if (!node) return null;
  return (
    <div
      className={`jd-node jd-node--touchpoint${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${overlayClasses(heat, onPath)}`}
      style={{ ...channelStyle(channel?.colour), ...heatStyle(heat) }}
    >
      <ScenarioMark id={id} />
      {heat && <div className="jd-heat-badge" title="Customers lost here per 1,000 starts">−{Math.round(heat.lostPer1000)} / 1,000</div>}
      {persona && (
        <Suspense fallback={null}>
          <NodePersonaMark id={id} />
        </Suspense>
      )}
      {/* Handles are for dragging with the pointer; the keyboard connects with "Connect to…" (C) on a focused node.
          Hidden from assistive technology, they no longer read as unnamed parts of every card. */}
      <Handle type="target" position={Position.Left} aria-hidden="true" />
      <div className="jd-node__head">
        <NodeName node={node} renaming={renaming} />
        {!simple && <EmotionMarker emotion={node.emotion} />}
      </div>
      {!simple && (
        <>
          <ChannelChip channel={channel} />
          <ScoreStrip scores={node.scores} />
          <FrictionBadge friction={node.friction} />
          <Suspense fallback={null}>
            <OpportunityBadge id={id} />
          </Suspense>
        </>
      )}
      <Handle type="source" position={Position.Right} aria-hidden="true" />
    </div>
  );
}

function EntryNodeView({ id, selected }: NodeProps) {
  const { node, channel, simple, heat, onPath, renaming, persona } = useNodeView(id);
  if (!node) return null;
  return (
    <div className={`jd-node jd-node--entry${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${overlayClasses(heat, onPath)}`} style={heatStyle(heat)}>
      <ScenarioMark id={id} />
      <div className="jd-node__kind">Entry</div>
      {persona && (
        <Suspense fallback={null}>
          <NodePersonaMark id={id} />
        </Suspense>
      )}
      <NodeName node={node} renaming={renaming} />
      {!simple && <ChannelChip channel={channel} />}
      <Handle type="source" position={Position.Right} aria-hidden="true" />
    </div>
  );
}

function OutcomeNodeView({ id, selected }: NodeProps) {
  const { node, simple, onPath, renaming } = useNodeView(id);
  if (!node) return null;
  const success = node.result !== 'failure';
  return (
    <div className={`jd-node jd-node--outcome ${success ? 'is-success' : 'is-failure'}${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${overlayClasses(undefined, onPath)}`}>
      <ScenarioMark id={id} />
      <Handle type="target" position={Position.Left} aria-hidden="true" />
      <div className="jd-node__kind">{success ? '✓ Success' : '✕ Failure'}</div>
      <NodeName node={node} renaming={renaming} />
    </div>
  );
}

export const nodeTypes = {
  touchpoint: memo(TouchpointNodeView),
  entry: memo(EntryNodeView),
  outcome: memo(OutcomeNodeView),
  note: StickyNoteNode,
};

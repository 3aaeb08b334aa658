import type { ReactNode } from 'react';
import { editorActions, useEditor } from '../store/editorStore';
import { selectCanRedo, selectCanUndo } from '../store/selectors';
import { ChannelsButton } from './channels/ChannelsButton';
import { EvidenceButton } from './evidence/EvidenceButton';
import { MapCheck } from './check/MapCheck';
import { FindTouchpoint } from './find/FindTouchpoint';
import { OpportunitiesButton } from './opportunities/OpportunitiesButton';
import { PersonasButton } from './personas/PersonasButton';
import { ReportButton } from './report/ReportButton';
import { PresentButton } from './present/PresentButton';
import { ScenarioSwitcher } from './scenarios/ScenarioSwitcher';
import { TidyLayoutButton } from './TidyLayoutButton';

export interface ToolbarProps {
  onNewMap: () => void;
  onFitView: () => void;
  onOpenLibrary: () => void;
  /** Further groups (files and sharing, simulation), loaded with the toolbar. */
  children?: ReactNode;
}

export function Toolbar({ onNewMap, onFitView, onOpenLibrary, children }: ToolbarProps) {
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const name = useEditor((s) => s.map.name);
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = isMac ? '⌘' : 'Ctrl+';
  return (
    <header className="jd-toolbar">
      <div className="jd-brand">
        <span className="jd-brand__logo" aria-hidden="true">◆</span>
        <span className="jd-brand__name">Journey Designer</span>
        <span className="jd-brand__sep" aria-hidden="true">/</span>
        <h1 className="jd-map-name" title={name}>{name}</h1>
      </div>
      <div className="jd-toolbar__tools">
        <FindTouchpoint />
        <MapCheck />
      </div>
      <div className="jd-toolbar__actions" role="toolbar" aria-label="Map actions">
        <button type="button" className="jd-button" onClick={editorActions.undo} disabled={!canUndo} aria-label="Undo" title={`Undo (${mod}Z)`}>
          ↶ Undo
        </button>
        <button type="button" className="jd-button" onClick={editorActions.redo} disabled={!canRedo} aria-label="Redo" title={`Redo (${mod}Shift+Z)`}>
          ↷ Redo
        </button>
        <span className="jd-toolbar__sep" aria-hidden="true" />
        <button type="button" className="jd-button" onClick={onFitView} aria-label="Fit view" title="Show the whole journey">
          Fit view
        </button>
        <TidyLayoutButton onDone={onFitView} />
        <span className="jd-toolbar__sep" aria-hidden="true" />
        <button type="button" className="jd-button" onClick={onOpenLibrary} aria-label="Maps" title="Your saved maps and templates">
          Maps
        </button>
        <button type="button" className="jd-button" onClick={onNewMap} aria-label="New map" title="Start an empty map (this one stays saved)">
          + New map
        </button>
        <ChannelsButton />
        <PersonasButton />
        <EvidenceButton />
        <OpportunitiesButton />
        <ScenarioSwitcher />
        <PresentButton />
        <ReportButton />
        {children && <span className="jd-toolbar__sep" aria-hidden="true" />}
        {children}
      </div>
    </header>
  );
}

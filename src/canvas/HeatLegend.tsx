import { findPersona } from '../domain/personaView';
import { useEditor, type EditorState } from '../store/editorStore';
import { useSimulation } from '../store/simulationStore';
import { personaStyle } from './persona/personaStyle';
import { heatView } from './simulationOverlay';

const selectPersona = (s: EditorState) => findPersona(s.map, s.persona);

/** Explains the heatmap colours and edge widths, and whose customers they count; shown while the heatmap is on. */
export function HeatLegend() {
  const persona = useEditor(selectPersona);
  /** The highest loss on the map; null when the heatmap is off or the last run has no heat for the chosen persona. */
  const maxLost = useSimulation((s) => {
    const heat = heatView(s, persona?.id ?? null)?.heat;
    return heat ? Object.values(heat).reduce((m, h) => Math.max(m, h.lostPer1000), 0) : null;
  });
  const heatmap = useSimulation((s) => s.heatmap);
  if (!heatmap) return null;
  return (
    <div className="jd-legend" role="note" aria-label="Heatmap legend">
      <strong>Customers lost per 1,000 starts</strong>
      {persona && (
        <p className="jd-legend__persona" style={personaStyle(persona.colour)}>
          {maxLost === null ? `No heatmap for ${persona.name} in this run: run the simulation again.` : `${persona.name} only`}
        </p>
      )}
      {maxLost !== null && (
        <>
          <div className="jd-legend__scale" aria-hidden="true" />
          <div className="jd-legend__ticks">
            <span>0</span>
            <span>{Math.round(maxLost / 2)}</span>
            <span>{Math.round(maxLost)}</span>
          </div>
          <p>Edge width: share of customers flowing along it.</p>
        </>
      )}
    </div>
  );
}

import { useSimulation } from '../store/simulationStore';

/** Explains the heatmap colours and edge widths; shown while the heatmap is on. */
export function HeatLegend() {
  const heatmap = useSimulation((s) => s.heatmap);
  const maxLost = useSimulation((s) => Object.values(s.heat).reduce((m, h) => Math.max(m, h.lostPer1000), 0));
  if (!heatmap) return null;
  return (
    <div className="jd-legend" role="note" aria-label="Heatmap legend">
      <strong>Customers lost per 1,000 starts</strong>
      <div className="jd-legend__scale" aria-hidden="true" />
      <div className="jd-legend__ticks">
        <span>0</span>
        <span>{Math.round(maxLost / 2)}</span>
        <span>{Math.round(maxLost)}</span>
      </div>
      <p>Edge width: share of customers flowing along it.</p>
    </div>
  );
}

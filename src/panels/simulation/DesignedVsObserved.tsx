/**
 * "Designed vs observed": at each calibrated step, the conversion the map assumed before calibration next to
 * the one observed in the data, with its 95% interval, so a team sees where its assumptions were wrong.
 * The numbers come from src/evidence (designedVsObserved); this only lays them out.
 */
import { useMemo } from 'react';
import type { JourneyMap } from '../../domain/types';
import { designedVsObserved } from '../../evidence/designedVsObserved';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

export function DesignedVsObserved({ map }: { map: JourneyMap }) {
  const rows = useMemo(() => designedVsObserved(map), [map]);
  if (rows.length === 0) return null;
  const off = rows.filter((r) => r.designed !== undefined && (r.designed < r.low || r.designed > r.high)).length;
  return (
    <div className="jd-results__card jd-results__card--wide">
      <h3>Designed vs observed</h3>
      <p className="jd-muted">
        Share of arriving customers who go on from each calibrated step: as the map assumed before calibration, and as observed.
        {off > 0 && ` ${off} of ${rows.length} designed values lie outside the observed 95% interval.`}
      </p>
      <table className="jd-table" aria-label="Designed vs observed conversion">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Designed</th>
            <th scope="col">Observed (95% CI)</th>
            <th scope="col">Difference</th>
            <th scope="col">Customers (n)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const outside = r.designed !== undefined && (r.designed < r.low || r.designed > r.high);
            const diff = r.designed === undefined ? undefined : (r.observed - r.designed) * 100;
            return (
              <tr key={r.node} className={outside ? 'is-off' : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.designed === undefined ? '—' : pct(r.designed)}</td>
                <td>
                  {pct(r.observed)} <span className="jd-muted">({pct(r.low)} – {pct(r.high)})</span>
                </td>
                <td>
                  {diff === undefined ? '—' : `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${Math.abs(diff).toFixed(1)} pts`}
                  {outside && <span className="jd-off-mark"> assumption off</span>}
                </td>
                <td>{r.n.toLocaleString('en')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

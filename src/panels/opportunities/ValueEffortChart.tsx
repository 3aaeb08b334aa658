/**
 * Value vs effort: each open opportunity a labelled point, effort S/M/L across, value in points up, in four
 * quadrants (quick wins top left). Each point is focusable; Enter or a click opens it in the table.
 */
import type { KeyboardEvent } from 'react';
import type { Opportunity } from '../../domain/types';
import { CHART, columnCentre, layoutChart, PLOT, yOf } from './chartLayout';
import { effortName, formatPoints, type OpportunityValues } from './opportunityView';

/** Each quadrant's name sits in its top corner, away from the points crowding at zero value. */
const QUADRANTS = [
  { name: 'Quick wins', hint: 'high value, small effort', side: 'left', half: 'top' },
  { name: 'Big bets', hint: 'high value, large effort', side: 'right', half: 'top' },
  { name: 'Fill-ins', hint: 'low value, small effort', side: 'left', half: 'bottom' },
  { name: 'Money pits', hint: 'low value, large effort', side: 'right', half: 'bottom' },
] as const;

interface ValueEffortChartProps {
  opportunities: readonly Opportunity[];
  values: OpportunityValues;
  onOpen: (id: string) => void;
}

export function ValueEffortChart({ opportunities, values, onOpen }: ValueEffortChartProps) {
  const inputs = opportunities.map((o) => ({ id: o.id, title: o.title, effort: o.effort, points: (values[o.id] ?? 0) * 100 }));
  const { top, points } = layoutChart(inputs);
  const midX = columnCentre('M');
  const midY = yOf(top / 2, top);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top);
  const onKeyDown = (id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id);
    }
  };

  return (
    <svg className="jd-opps__chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="group" aria-label="Value vs effort">
      <rect className="jd-opps__quadrant is-best" x={PLOT.x0} y={PLOT.y0} width={midX - PLOT.x0} height={midY - PLOT.y0} />
      <rect className="jd-opps__quadrant is-worst" x={midX} y={midY} width={PLOT.x1 - midX} height={PLOT.y1 - midY} />
      {ticks.map((t) => (
        <g key={t} className="jd-opps__tick" aria-hidden="true">
          <line x1={PLOT.x0} x2={PLOT.x1} y1={yOf(t, top)} y2={yOf(t, top)} />
          <text x={PLOT.x0 - 8} y={yOf(t, top)} dy="0.32em" textAnchor="end">
            {t === 0 ? '0' : `+${Number(t.toFixed(2))}`}
          </text>
        </g>
      ))}
      <line className="jd-opps__divider" x1={midX} x2={midX} y1={PLOT.y0} y2={PLOT.y1} aria-hidden="true" />
      <line className="jd-opps__divider" x1={PLOT.x0} x2={PLOT.x1} y1={midY} y2={midY} aria-hidden="true" />
      <line className="jd-opps__axis" x1={PLOT.x0} x2={PLOT.x1} y1={PLOT.y1} y2={PLOT.y1} aria-hidden="true" />
      <line className="jd-opps__axis" x1={PLOT.x0} x2={PLOT.x0} y1={PLOT.y0} y2={PLOT.y1} aria-hidden="true" />
      {QUADRANTS.map((q) => (
        <g key={q.name}>
          <title>{`${q.name}: ${q.hint}`}</title>
          <text
            className="jd-opps__quadrant-name"
            x={q.side === 'left' ? PLOT.x0 + 10 : PLOT.x1 - 10}
            y={(q.half === 'top' ? PLOT.y0 : midY) + 20}
            textAnchor={q.side === 'left' ? 'start' : 'end'}
          >
            {q.name}
          </text>
        </g>
      ))}
      {(['S', 'M', 'L'] as const).map((effort) => (
        <text key={effort} className="jd-opps__effort" x={columnCentre(effort)} y={PLOT.y1 + 22} textAnchor="middle" aria-hidden="true">
          {effortName(effort)}
        </text>
      ))}
      <text className="jd-opps__axis-title" x={(PLOT.x0 + PLOT.x1) / 2} y={CHART.height - 8} textAnchor="middle" aria-hidden="true">
        Effort
      </text>
      <text className="jd-opps__axis-title" transform={`translate(16 ${(PLOT.y0 + PLOT.y1) / 2}) rotate(-90)`} textAnchor="middle" aria-hidden="true">
        Value (points of completion)
      </text>
      {points.map((p) => {
        const name = `${p.title}: ${formatPoints(p.points / 100)}, effort ${effortName(p.effort)}`;
        return (
          <g key={p.id}>
            <g className="jd-opps__point" role="button" tabIndex={0} aria-label={name} onClick={() => onOpen(p.id)} onKeyDown={onKeyDown(p.id)}>
              <title>{`${name}. Open it in the table.`}</title>
              {p.labelY !== p.y && <line className="jd-opps__leader" x1={p.x + 5} y1={p.y} x2={p.labelX - 2} y2={p.labelY} />}
              <circle cx={p.x} cy={p.y} r={7} />
              <text x={p.labelX} y={p.labelY} dy="0.32em" className="jd-opps__point-label">
                {p.label}
              </text>
            </g>
            {/* Beside the button, not in it: a shortened label's words then run straight on into its name (WCAG 2.5.3). */}
            <text x={p.labelX} y={p.labelY + 15} dy="0.32em" className="jd-opps__point-value" aria-hidden="true" onClick={() => onOpen(p.id)}>
              {formatPoints(p.points / 100)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The one-page report itself: header, the map with its heat, the headline completion rate, outcomes, losses
 * by stage, the top hotspots with their friction and opportunities, completion per persona, and how to read
 * it all. Everything comes in as props (no store), so the page renders the same in the app, in print and in
 * tests; laid out for one A4 landscape sheet.
 */
import type { ReactNode } from 'react';
import type { JourneyMap, Opportunity } from '../../domain/types';
import type { NodeHeat } from '../../simulation/packed';
import { lossesByStage } from '../../simulation/losses';
import type { PersonaResult, SimulationResult } from '../../simulation/types';
import { formatPoints, statusName } from '../opportunities/opportunityView';
import { MapPicture } from './MapPicture';
import { num, pct, reportDate, reportHotspots, severityScale, shortDescription, type ReportHotspot } from './reportView';

export interface ReportPageProps {
  map: JourneyMap;
  result: SimulationResult;
  heat: Record<string, NodeHeat>;
  /** Edge id → 0..1 of the busiest edge's flow (absent: edges drawn plain). */
  flow?: Record<string, number>;
  /** Opportunity id → value (0…1); null while it is being computed. */
  values: Readonly<Record<string, number>> | null;
  date: Date;
}

export function ReportPage({ map, result, heat, flow, values, date }: ReportPageProps) {
  const { exact, monteCarlo } = result;
  const hotspots = reportHotspots(map, result.hotspots, values);
  const personas = result.personas ?? [];
  return (
    <article className="jd-report__page" aria-busy={values === null}>
      <header className="jd-report__header">
        <h1 className="jd-report__title">{map.name}</h1>
        <p className="jd-report__meta">
          <span>
            <span className="jd-report__eyebrow">Journey report</span> · {reportDate(date)}
          </span>
          <span>{num(monteCarlo.customers)} simulated customers</span>
        </p>
        {map.description.trim() !== '' && <p className="jd-report__description">{shortDescription(map.description)}</p>}
      </header>

      <div className="jd-report__body">
        <div className="jd-report__main">
          <MapPicture map={map} heat={heat} {...(flow ? { flow } : {})} />
          <Section title={`Top ${hotspots.length === 1 ? 'hotspot' : `${hotspots.length} hotspots`}: where customers are lost`} className="jd-report__hotspots">
            <HotspotTable hotspots={hotspots} values={values} withOpportunities={map.opportunities.length > 0} />
          </Section>
        </div>

        <div className="jd-report__side">
          <Section title="Completion rate" className="jd-report__headline">
            <p className="jd-report__big">
              <span className="jd-report__headline-value">{pct(monteCarlo.success.rate)}</span>
              <span className="jd-report__ci">95% CI {pct(monteCarlo.success.low)} – {pct(monteCarlo.success.high)}</span>
            </p>
            <p className="jd-report__exact">
              Exact value <strong>{pct(exact.success, 2)}</strong>: about {Math.round(exact.success * 100)} in 100 customers who start reach a successful outcome.
            </p>
          </Section>

          {personas.length > 0 && (
            <Section title="By persona">
              <PersonaTable personas={personas} />
            </Section>
          )}

          <Section title="Outcomes">
            <OutcomeTable map={map} result={result} />
          </Section>

          <Section title="Losses by stage" note="customers lost per 1,000 starts">
            <StageBars map={map} abandon={exact.abandon} />
          </Section>

          <HowToRead result={result} hasOpportunities={map.opportunities.length > 0} />
        </div>
      </div>
    </article>
  );
}

function Section({ title, note, className, children }: { title: string; note?: string; className?: string; children: ReactNode }) {
  return (
    <section className={`jd-report__section${className ? ` ${className}` : ''}`}>
      <h2>
        {title}
        {note && <span className="jd-report__note"> · {note}</span>}
      </h2>
      {children}
    </section>
  );
}

/** Without any opportunity on the map, the opportunities column would say "None yet" five times: the friction takes its room. */
function HotspotTable({ hotspots, values, withOpportunities }: { hotspots: ReportHotspot[]; values: ReportPageProps['values']; withOpportunities: boolean }) {
  if (hotspots.length === 0) return <p className="jd-report__muted">No touchpoint loses customers.</p>;
  return (
    <table className="jd-report__table jd-report__hotspot-table">
      <colgroup>
        <col className="is-rank" />
        <col className="is-touchpoint" />
        <col className="is-drop-off" />
        <col className="is-lost" />
        <col className="is-uplift" />
        {withOpportunities ? (
          <>
            <col className="is-friction" />
            <col />
          </>
        ) : (
          <col />
        )}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Touchpoint</th>
          <th scope="col" className="jd-report__num">
            Drop-off
          </th>
          <th scope="col" className="jd-report__num">
            Lost per 1,000
          </th>
          <th scope="col" className="jd-report__num">
            Uplift if fixed
          </th>
          <th scope="col">Worst friction</th>
          {withOpportunities && <th scope="col">Opportunities</th>}
        </tr>
      </thead>
      <tbody>
        {hotspots.map((row, i) => (
          <tr key={row.hotspot.nodeId}>
            <td className="jd-report__rank">{i + 1}</td>
            <th scope="row">
              <span className="jd-report__hotspot-name">{row.hotspot.label}</span>
              {row.stage && <span className="jd-report__sub">{row.stage}</span>}
            </th>
            <td className="jd-report__num">{pct(row.hotspot.dropOff)}</td>
            <td className="jd-report__num">{Math.round(row.hotspot.lostPer1000)}</td>
            <td className="jd-report__num">{formatPoints(row.hotspot.uplift)}</td>
            <td className="is-friction">
              {row.notes.length === 0 ? (
                <span className="jd-report__muted">No open friction noted</span>
              ) : (
                <ul className="jd-report__list">
                  {row.notes.map((note) => (
                    <li key={note.id} className="is-note">
                      <span className={`jd-report__severity is-s${note.severity}`}>S{note.severity}</span> <span>{note.note}</span>
                    </li>
                  ))}
                  {row.moreNotes > 0 && <li className="jd-report__muted">and {row.moreNotes} more</li>}
                </ul>
              )}
            </td>
            {withOpportunities && (
              <td>
                {row.opportunities.length === 0 ? (
                  <span className="jd-report__gap">None yet</span>
                ) : (
                  <ul className="jd-report__list">
                    {row.opportunities.map((o) => (
                      <li key={o.id}>
                        <OpportunityLine opportunity={o} value={values?.[o.id]} computing={values === null} />
                      </li>
                    ))}
                    {row.moreOpportunities > 0 && <li className="jd-report__muted">and {row.moreOpportunities} more</li>}
                  </ul>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OpportunityLine({ opportunity, value, computing }: { opportunity: Opportunity; value: number | undefined; computing: boolean }) {
  const details = [opportunity.owner ?? 'no owner', statusName(opportunity.status), computing ? '…' : value === undefined ? '—' : formatPoints(value)];
  return (
    <>
      <span className="jd-report__opportunity">{opportunity.title}</span> <span className="jd-report__sub">{details.join(' · ')}</span>
    </>
  );
}

/** Each persona's completion; all customers together are the headline just above. */
function PersonaTable({ personas }: { personas: PersonaResult[] }) {
  return (
    <table className="jd-report__table">
      <thead>
        <tr>
          <th scope="col">Persona</th>
          <th scope="col" className="jd-report__num">
            Completion (95% CI)
          </th>
          <th scope="col" className="jd-report__num">
            Exact
          </th>
        </tr>
      </thead>
      <tbody>
        {personas.map((p) => (
          <tr key={p.personaId}>
            <th scope="row">
              <span className="jd-report__dot" style={{ background: p.colour ?? '#64748b' }} aria-hidden="true" />
              {p.name} <span className="jd-report__muted jd-report__share">{pct(p.share, 0)}</span>
            </th>
            <td className="jd-report__num">
              {pct(p.monteCarlo.success.rate)} <span className="jd-report__muted">({interval(p.monteCarlo.success)})</span>
            </td>
            <td className="jd-report__num">{pct(p.exact.success, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "16.4–18.3%": an interval short enough for a narrow column. */
const interval = ({ low, high }: { low: number; high: number }) => `${(low * 100).toFixed(1)}–${pct(high)}`;

function OutcomeTable({ map, result }: { map: JourneyMap; result: SimulationResult }) {
  const { exact, monteCarlo } = result;
  const outcomes = Object.entries(exact.outcomes).sort((a, b) => b[1] - a[1]);
  const node = (id: string) => map.nodes.find((n) => n.id === id);
  return (
    <table className="jd-report__table">
      <thead>
        <tr>
          <th scope="col">Where customers end</th>
          <th scope="col" className="jd-report__num">
            Exact
          </th>
          <th scope="col" className="jd-report__num">
            Simulated
          </th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map(([id, p]) => {
          const failure = node(id)?.result === 'failure';
          return (
            <tr key={id}>
              <th scope="row">
                <span className={`jd-report__outcome ${failure ? 'is-failure' : 'is-success'}`} aria-hidden="true">
                  {failure ? '✕' : '✓'}
                </span>
                {node(id)?.label ?? id}
                <span className="jd-visually-hidden">{failure ? ' (failure)' : ' (success)'}</span>
              </th>
              <td className="jd-report__num">{pct(p)}</td>
              <td className="jd-report__num">{pct(monteCarlo.outcomes[id] ?? 0)}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">
            <span className="jd-report__outcome is-abandoned" aria-hidden="true">
              ↘
            </span>
            Abandoned along the way
          </th>
          <td className="jd-report__num">{pct(exact.abandoned)}</td>
          <td className="jd-report__num">{pct(monteCarlo.abandoned.share)}</td>
        </tr>
        {monteCarlo.looping.count > 0 && (
          <tr>
            <th scope="row">Still going after {num(monteCarlo.maxSteps)} steps</th>
            <td className="jd-report__num">{pct(exact.looping)}</td>
            <td className="jd-report__num">{pct(monteCarlo.looping.share)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function StageBars({ map, abandon }: { map: JourneyMap; abandon: Record<string, number> }) {
  const rows = lossesByStage(map, abandon);
  const max = Math.max(1, ...rows.map((r) => r.lostPer1000));
  if (rows.length === 0) return <p className="jd-report__muted">The map has no stages.</p>;
  return (
    <ul className="jd-report__bars">
      {rows.map((r) => (
        <li key={r.stageId ?? 'none'}>
          <span className="jd-report__bar-name">{r.name}</span>
          <span className="jd-report__bar" aria-hidden="true">
            <span style={{ width: `${(r.lostPer1000 / max) * 100}%` }} />
          </span>
          <span className="jd-report__bar-value">{Math.round(r.lostPer1000)}</span>
        </li>
      ))}
    </ul>
  );
}

/** For a reader without us in the room: what each number means, in plain words. */
function HowToRead({ result, hasOpportunities }: { result: SimulationResult; hasOpportunities: boolean }) {
  return (
    <section className="jd-report__read" aria-labelledby="jd-report-read">
      <h2 id="jd-report-read">How to read this</h2>
      <p>
        <strong>Completion rate</strong> is the share of customers who start the journey and end at a successful outcome. The{' '}
        <strong>95% confidence interval</strong> is the range that 95% of runs of this many simulated customers ({num(result.monteCarlo.customers)}) fall in;
        the <strong>exact value</strong> is what infinitely many customers would give.
      </p>
      <p>
        <strong>Uplift if fixed</strong> is the points of completion gained if that touchpoint lost nobody: +5.0 pts turns 30% into 35%.
      </p>
      <p>
        <strong>Drop-off</strong> is the share of customers who leave at a touchpoint. Unless the map sets it from data, it is derived from the touchpoint's
        open friction by severity ({severityScale(result.settings.severityDropOff)}), so resolving friction lowers it.
      </p>
      <p>
        {hasOpportunities && (
          <>
            <strong>Value</strong> of an opportunity is the points of completion gained if every open friction note it addresses were resolved.{' '}
          </>
        )}
        <strong>Heat</strong>: the redder a touchpoint on the map, the more customers it loses.
      </p>
    </section>
  );
}

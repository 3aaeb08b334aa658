/** The presentation's last step: completion of the as-is and each scenario, as bars a room can read. */
import type { ScenarioComparison } from '../../simulation/scenarios';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

function pointsText(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return 'no change';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)} points`;
}

const signed = (points: number) => (points < 0 ? `−${Math.abs(points).toFixed(1)}` : `+${points.toFixed(1)}`);

export function ComparisonSlide({ comparison }: { comparison: ScenarioComparison }) {
  return (
    <table className="jd-present-compare">
      <caption className="jd-visually-hidden">Completion rate of the as-is journey and each scenario</caption>
      <thead className="jd-visually-hidden">
        <tr>
          <th scope="col">Journey</th>
          <th scope="col">Completion</th>
          <th scope="col">Against the as-is</th>
        </tr>
      </thead>
      <tbody>
        {comparison.runs.map((run) => {
          const difference = run.difference;
          const tone = !difference || Math.round(difference.exactPoints * 10) === 0 ? '' : difference.exactPoints > 0 ? ' is-better' : ' is-worse';
          return (
            <tr key={run.scenarioId ?? 'as-is'} className={run.scenarioId === null ? 'is-as-is' : undefined}>
              <th scope="row">{run.name}</th>
              <td>
                <div className="jd-present-compare__completion">
                  {/* The whole track is 100 %: a bar scaled to the best run would make small gains look large. */}
                  <span className="jd-present-compare__bar" aria-hidden="true">
                    <span style={{ width: `${run.exact.success * 100}%` }} />
                  </span>
                  <span className="jd-present-compare__value">{pct(run.exact.success)}</span>
                </div>
              </td>
              <td className={`jd-present-compare__difference${tone}`}>
                {difference ? (
                  <>
                    {pointsText(difference.exactPoints)}
                    <span className="jd-present-compare__interval">
                      simulated 95% CI {signed(difference.lowPoints)} to {signed(difference.highPoints)}
                    </span>
                  </>
                ) : (
                  'baseline'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { useCentreOnNode } from '../../canvas/useCentreOnNode';
import type { MapWarning } from '../../domain/check';
import { describeWarning } from '../../domain/checkText';
import type { JourneyMap } from '../../domain/types';

/** The warnings as a list of buttons; shared by the toolbar popover and the simulation results. */
export default function MapWarningList({ map, warnings, onChosen }: { map: JourneyMap; warnings: MapWarning[]; onChosen?: () => void }) {
  const centreOn = useCentreOnNode();
  return (
    <ul className="jd-check__list">
      {warnings.map((warning, i) => {
        const text = describeWarning(map, warning);
        const first = warning.nodeIds[0];
        return (
          <li key={`${warning.rule}-${first ?? i}`} className={`jd-check__item jd-check__item--${warning.rule}`}>
            {first === undefined ? (
              <span>{text}</span>
            ) : (
              <button
                type="button"
                className="jd-link-button"
                onClick={() => {
                  centreOn(first);
                  onChosen?.();
                }}
              >
                {text}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}


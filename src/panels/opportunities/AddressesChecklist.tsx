/**
 * What an opportunity addresses, as a checklist: touchpoints with their friction notes. A touchpoint ticked
 * with none of its notes ticked addresses all its friction, so its notes show ticked too; the ticks always
 * show what the value is computed from. Touchpoints with open friction are listed; any other is added from
 * the select below.
 */
import { useId } from 'react';
import { addressedNotes } from '../../domain/opportunities';
import type { JourneyMap, Opportunity } from '../../domain/types';
import { opportunityActions } from '../../store/opportunityActions';
import { toggleNote, toggleTouchpoint, type Addressing } from './opportunityView';

export function AddressesChecklist({ map, opportunity }: { map: JourneyMap; opportunity: Opportunity }) {
  const addId = useId();
  const addressed = addressedNotes(map, opportunity);
  const isAddressed = (node: string, note: string) => addressed.some((f) => f.node === node && f.note === note);
  const listed = map.nodes.filter((n) => n.kind !== 'outcome' && (opportunity.touchpoints.includes(n.id) || n.friction.some((f) => !f.resolved)));
  const others = map.nodes.filter((n) => n.kind !== 'outcome' && !listed.includes(n));
  const change = (next: Addressing) => opportunityActions.updateOpportunity(opportunity.id, next);

  return (
    <fieldset className="jd-opps__addresses">
      <legend>Addresses</legend>
      {listed.length === 0 ? (
        <p className="jd-muted">No touchpoint has open friction. Add a touchpoint below.</p>
      ) : (
        <ul className="jd-opps__checklist">
          {listed.map((node) => (
            <li key={node.id}>
              <label className="jd-opps__check jd-opps__check--touchpoint">
                <input
                  type="checkbox"
                  checked={opportunity.touchpoints.includes(node.id)}
                  onChange={(e) => change(toggleTouchpoint(opportunity, node.id, e.target.checked))}
                />
                {node.label}
              </label>
              {node.friction.length > 0 && (
                <ul>
                  {node.friction.map((f) => (
                    <li key={f.id}>
                      <label className={`jd-opps__check${f.resolved ? ' is-resolved' : ''}`}>
                        <input
                          type="checkbox"
                          checked={isAddressed(node.id, f.id)}
                          onChange={(e) => change(toggleNote(map, opportunity, { node: node.id, note: f.id }, e.target.checked))}
                        />
                        <span className={`jd-opps__severity jd-opps__severity--s${f.severity}`} aria-label={`Severity ${f.severity}`}>
                          S{f.severity}
                        </span>
                        {f.note}
                        {f.resolved && <span className="jd-opps__resolved"> (resolved)</span>}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="jd-field">
          <label htmlFor={addId}>Add a touchpoint</label>
          <select id={addId} value="" onChange={(e) => e.target.value && change(toggleTouchpoint(opportunity, e.target.value, true))}>
            <option value="">Choose…</option>
            {others.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="jd-field__hint">A touchpoint ticked without any of its notes addresses all its friction.</p>
    </fieldset>
  );
}

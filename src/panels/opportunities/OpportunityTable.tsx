/**
 * The opportunities as a table: sorted by clicking a column's header, edited in place (title, owner, status,
 * effort), with a details row per opportunity for its description, what it addresses, and Delete.
 */
import { Fragment, useEffect, useRef, useState } from 'react';
import { openAddressedNotes } from '../../domain/opportunities';
import { EFFORTS, OPPORTUNITY_STATUSES, type Effort, type JourneyMap, type Opportunity, type OpportunityStatus } from '../../domain/types';
import { opportunityActions } from '../../store/opportunityActions';
import { AddressesChecklist } from './AddressesChecklist';
import { InlineField } from './InlineField';
import { formatPoints, frictionNotes, nextSort, sortOpportunities, touchpointNames, type SortKey, type SortOrder } from './opportunityView';
import type { ValuesState } from './useOpportunityValues';

const COLUMNS: { key: SortKey; name: string }[] = [
  { key: 'title', name: 'Title' },
  { key: 'owner', name: 'Owner' },
  { key: 'status', name: 'Status' },
  { key: 'effort', name: 'Effort' },
  { key: 'touchpoints', name: 'Touchpoints' },
  { key: 'value', name: 'Value' },
];

export interface FocusRequest {
  id: string;
  /** A new request for the same opportunity focuses it again. */
  seq: number;
}

interface OpportunityTableProps {
  map: JourneyMap;
  values: ValuesState;
  focus: FocusRequest | null;
  onStatus: (opportunity: Opportunity, status: OpportunityStatus) => void;
  onDelete: (opportunity: Opportunity) => void;
}

export function OpportunityTable({ map, values, focus, onStatus, onDelete }: OpportunityTableProps) {
  const [sort, setSort] = useState<SortOrder | null>(null);
  // One opportunity's details at a time: they are long, and the table stays readable around them.
  const [expanded, setExpanded] = useState<string | null>(focus?.id ?? null);
  const known = values.status === 'done' ? values.values : null;
  const rows = sortOpportunities(map, map.opportunities, sort, known);

  useEffect(() => {
    if (focus) setExpanded(focus.id);
  }, [focus]);

  const toggle = (id: string) => setExpanded((open) => (open === id ? null : id));

  return (
    <table className="jd-opps__table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={`jd-opps__col--${column.key}`}
              aria-sort={sort?.key === column.key ? sort.direction : 'none'}
            >
              <button type="button" className="jd-opps__sort" onClick={() => setSort((s) => nextSort(s, column.key))}>
                {column.name}
                <span className="jd-opps__sort-mark" aria-hidden="true">
                  {sort?.key !== column.key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼'}
                </span>
              </button>
            </th>
          ))}
          <th scope="col" className="jd-opps__col--more">
            <span className="jd-visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <Fragment key={o.id}>
            <OpportunityRow
              map={map}
              opportunity={o}
              value={values.status === 'done' ? (values.values[o.id] ?? null) : values.status}
              expanded={expanded === o.id}
              focus={focus?.id === o.id ? focus : null}
              onToggle={() => toggle(o.id)}
              onStatus={onStatus}
            />
            {expanded === o.id && (
              <tr className="jd-opps__details" id={`opp-details-${o.id}`}>
                <td colSpan={COLUMNS.length + 1}>
                  <div className="jd-opps__details-grid">
                    <div className="jd-field">
                      <span className="jd-opps__label">Description</span>
                      <InlineField
                        label={`Description of ${o.title}`}
                        value={o.description ?? ''}
                        multiline
                        placeholder="What will change for the customer?"
                        commit={(text) => opportunityActions.updateOpportunity(o.id, { description: text })}
                      />
                    </div>
                    <AddressesChecklist map={map} opportunity={o} />
                    <div className="jd-opps__row-actions">
                      <button type="button" className="jd-button jd-button--danger" onClick={() => onDelete(o)}>
                        Delete opportunity
                      </button>
                    </div>
                  </div>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

interface OpportunityRowProps {
  map: JourneyMap;
  opportunity: Opportunity;
  /** The value, or why there is none yet. */
  value: number | null | 'computing' | 'error';
  expanded: boolean;
  focus: FocusRequest | null;
  onToggle: () => void;
  onStatus: (opportunity: Opportunity, status: OpportunityStatus) => void;
}

function OpportunityRow({ map, opportunity: o, value, expanded, focus, onToggle, onStatus }: OpportunityRowProps) {
  const title = useRef<HTMLTextAreaElement>(null);
  const row = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    if (!focus) return;
    row.current?.scrollIntoView?.({ block: 'nearest' });
    title.current?.focus();
    title.current?.select();
  }, [focus]);

  const names = touchpointNames(map, o);
  const open = openAddressedNotes(map, o).length;
  return (
    <tr ref={row} className={`jd-opps__row${o.status === 'done' ? ' is-done' : ''}`} aria-label={o.title} data-opportunity={o.id}>
      <td>
        <InlineField inputRef={title} wrap label="Title" value={o.title} commit={(text) => opportunityActions.updateOpportunity(o.id, { title: text })} className="jd-opps__title" />
      </td>
      <td>
        <InlineField label="Owner" value={o.owner ?? ''} placeholder="Unassigned" commit={(text) => opportunityActions.updateOpportunity(o.id, { owner: text })} />
      </td>
      <td>
        <select className={`jd-opps__status jd-opps__status--${o.status}`} aria-label="Status" value={o.status} onChange={(e) => onStatus(o, e.target.value as OpportunityStatus)}>
          {OPPORTUNITY_STATUSES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label="Effort" value={o.effort} onChange={(e) => opportunityActions.updateOpportunity(o.id, { effort: e.target.value as Effort })}>
          {EFFORTS.map((effort) => (
            <option key={effort.id} value={effort.id}>
              {effort.name}
            </option>
          ))}
        </select>
      </td>
      <td className="jd-opps__touchpoints">
        {names.length === 0 ? <span className="jd-muted">None yet</span> : <span>{names.join(', ')}</span>}
        <span className="jd-opps__subtle">{o.status === 'done' ? 'Done' : open === 0 ? 'No open friction' : `Resolves ${frictionNotes(open)}`}</span>
      </td>
      <td className="jd-opps__value">
        <ValueText value={value} />
      </td>
      <td className="jd-opps__more">
        <button type="button" className="jd-link-button" aria-expanded={expanded} aria-controls={expanded ? `opp-details-${o.id}` : undefined} aria-label={`${expanded ? 'Less' : 'More'} about ${o.title}`} onClick={onToggle}>
          {expanded ? 'Less' : 'More'}
        </button>
      </td>
    </tr>
  );
}

export function ValueText({ value }: { value: number | null | 'computing' | 'error' }) {
  if (value === 'computing') return <span aria-label="Computing">…</span>;
  if (value === 'error' || value === null) return <span aria-label="No value">—</span>;
  return <span className={value > 0 ? 'jd-opps__gain' : undefined}>{formatPoints(value)}</span>;
}

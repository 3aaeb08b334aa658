/**
 * The count of open opportunities on a touchpoint card. Loaded after the first render (see JourneyNodes):
 * it is not needed to draw the map. Each card reads its own count, from counts cached per opportunities array
 * (immer replaces the array only when an opportunity changes), so dragging or renaming recounts nothing.
 */
import { openOpportunityCount } from '../../domain/opportunities';
import type { Opportunity } from '../../domain/types';
import { useEditor } from '../../store/editorStore';

const countsByList = new WeakMap<Opportunity[], Map<string, number>>();

function countFor(opportunities: Opportunity[], id: string): number {
  let counts = countsByList.get(opportunities);
  if (!counts) countsByList.set(opportunities, (counts = new Map()));
  let count = counts.get(id);
  if (count === undefined) counts.set(id, (count = openOpportunityCount({ opportunities }, id)));
  return count;
}

export const openOpportunitiesText = (count: number) => `${count} open opportunit${count === 1 ? 'y' : 'ies'}`;

export default function OpportunityBadge({ id }: { id: string }) {
  const count = useEditor((s) => countFor(s.map.opportunities, id));
  if (count === 0) return null;
  const text = openOpportunitiesText(count);
  return (
    <span className="jd-opportunity-count" title={text} aria-label={text}>
      ◎ {count}
    </span>
  );
}

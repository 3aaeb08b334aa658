/** What a calibration could not determine, in words for the funnel step's preview. */
import type { DropOffReason, Undetermined } from '../../evidence/calibrate';
import { counted } from './words';

const DROP_OFF_REASONS: Record<Exclude<DropOffReason, 'mapped-twice'>, string> = {
  'last-step': 'the last step of the funnel, so nothing says how many went on',
  'next-unmapped': 'the next step is not in this map',
  branches: 'it branches, and step totals do not say which way customers went',
  'no-edge': 'no connection leads from it to the next step',
  'counts-grow': 'more customers at the next step than at this one (a funnel never grows)',
  'no-count': 'nobody was counted here',
  'incomplete-inflow': 'some way into it has no count, so how many arrived is unknown',
  'more-out-than-in': 'more customers left it than arrived',
  'no-outflow': 'no row leaves it: the data may stop here',
};

/** One line per value left as it was: "Product page: it branches, and step totals … — left as it was". */
export function undeterminedText(u: Undetermined, labelOf: (id: string) => string): string {
  switch (u.kind) {
    case 'step':
      return u.reason === 'unmapped'
        ? `“${u.step}”: not in this map — its counts are not used`
        : `“${u.step}”: its touchpoint is no longer on the map — its counts are not used`;
    case 'dropOff':
      if (u.reason === 'mapped-twice') {
        return `${labelOf(u.node)}: “${u.step ?? ''}” is mapped to it as well as an earlier step — only the earlier step’s counts are used`;
      }
      return `${labelOf(u.node)}: ${DROP_OFF_REASONS[u.reason]} — drop-off left as it was`;
    case 'weights':
      return `${labelOf(u.node)}: none of its ways on was counted — weights left as they were`;
    case 'transition':
      return u.reason === 'no-edge'
        ? `${u.from} → ${u.to} (${counted(u.count, 'customer')}): the map has no connection for this move — not added`
        : `${u.from} → ${u.to} (${counted(u.count, 'customer')}): both are the same touchpoint — moves within it are left out`;
  }
}

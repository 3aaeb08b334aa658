import { createMap } from '../edits';
import { centredInBand, STAGE_WIDTH, stageBands } from '../layout';
import { DEFAULT_CHANNELS, type JourneyMap, type Stage } from '../types';

/** A support case from the customer's side; Follow-up is two columns wide: survey and offer, then the outcomes. */
const stages = (): Stage[] => [
  { id: 'problem', name: 'Problem', colour: '#b91c1c' },
  { id: 'contact', name: 'Contact', colour: '#c2410c' },
  { id: 'diagnosis', name: 'Diagnosis', colour: '#a16207' },
  { id: 'resolution', name: 'Resolution', colour: '#15803d' },
  { id: 'follow-up', name: 'Follow-up', colour: '#1d4ed8', width: 2 * STAGE_WIDTH },
];

/**
 * "Telecom support": a broken connection or a surprise bill sends customers through help pages and an IVR
 * to an agent. Agents may now go beyond their scripts; unresolved cases loop through callbacks. An SMS
 * survey follows every contact, and long-term customers are offered a loyalty bonus — or they churn.
 */
export function telecomSupportSample(): JourneyMap {
  const stageList = stages();
  const bands = stageBands({ stages: stageList });
  /** Left edge of a card centred in column `sub` (STAGE_WIDTH apart) of the stage's band. */
  const column = (stage: string, sub = 0) => centredInBand({ x: bands.find((b) => b.id === stage)!.x + sub * STAGE_WIDTH, width: STAGE_WIDTH });
  return createMap({
    id: 'sample-telecom-support',
    name: 'Telecom support',
    description:
      'Support journey of a broadband and mobile provider. The IVR and missed callbacks drive churn; agents allowed to go beyond scripts turn detractors into promoters.',
    stages: stageList,
    channels: [...DEFAULT_CHANNELS.map((c) => ({ ...c })), { id: 'sms', name: 'SMS' }],
    nodes: [
      { id: 'connection-down', kind: 'entry', label: 'Internet stops working', stage: 'problem', position: { x: column('problem'), y: 0 }, share: 50, friction: [] },
      { id: 'bill-shock', kind: 'entry', label: 'Unexpected charge on the bill', stage: 'problem', channel: 'email', position: { x: column('problem'), y: 180 }, share: 30, friction: [] },
      { id: 'contract-ending', kind: 'entry', label: 'Contract end reminder', stage: 'problem', channel: 'email', position: { x: column('problem'), y: 640 }, share: 20, friction: [] },
      {
        id: 'help-pages', kind: 'touchpoint', label: 'Help pages and status checker', stage: 'contact', channel: 'website', position: { x: column('contact'), y: 0 },
        scores: { nps: -5, csat: 55, ces: 3.8, responses: 640 }, emotion: -1, dropOff: 0.1,
        friction: [{ id: 'f-status', note: 'Status page says "no known issues" during local outages', severity: 3 }],
      },
      {
        id: 'ivr', kind: 'touchpoint', label: 'Call centre IVR menu', stage: 'contact', channel: 'phone', position: { x: column('contact'), y: 240 },
        scores: { nps: -32, csat: 38, ces: 2.6, responses: 910 }, emotion: -2, dropOff: 0.15,
        friction: [
          { id: 'f-ivr-maze', note: 'Seven menu levels before reaching a person', severity: 4 },
          { id: 'f-hold', note: 'Average hold time is 14 minutes at peak hours', severity: 3 },
        ],
      },
      {
        id: 'agent-call', kind: 'touchpoint', label: 'Agent call', stage: 'diagnosis', channel: 'phone', position: { x: column('diagnosis'), y: 100 },
        scores: { nps: 12, csat: 71, ces: 4.8, responses: 870 }, emotion: 0,
        friction: [
          { id: 'f-scripts', note: 'Agents had to follow scripts even when they did not fit (fixed: agents may now go beyond them)', severity: 3, resolved: true },
          { id: 'f-security-questions', note: 'Security questions are asked again after every transfer', severity: 3 },
        ],
      },
      {
        id: 'beyond-script', kind: 'touchpoint', label: 'Agent solves it beyond the script', stage: 'resolution', channel: 'phone', position: { x: column('resolution'), y: 200 },
        scores: { nps: 48, csat: 91, ces: 6.2, responses: 240 }, emotion: 2,
        friction: [],
      },
      {
        id: 'callback', kind: 'touchpoint', label: 'Callback when unresolved', stage: 'resolution', channel: 'phone', position: { x: column('resolution'), y: 360 },
        scores: { nps: -18, csat: 49, ces: 3.1, responses: 310 }, emotion: -1, dropOff: 0.12,
        friction: [
          { id: 'f-missed-callback', note: 'Callback comes outside the promised window, from an unknown number', severity: 4 },
          { id: 'f-no-case-notes', note: 'The second agent has not read the case notes', severity: 3 },
        ],
      },
      {
        id: 'sms-survey', kind: 'touchpoint', label: 'SMS satisfaction survey', stage: 'follow-up', channel: 'sms', position: { x: column('follow-up'), y: 0 },
        scores: { csat: 74, responses: 1150 }, emotion: 0,
        friction: [{ id: 'f-survey-timing', note: 'Survey arrives before the fix is confirmed', severity: 2 }],
      },
      {
        id: 'loyalty-bonus', kind: 'touchpoint', label: 'Loyalty bonus for long-term customers', stage: 'follow-up', channel: 'email', position: { x: column('follow-up'), y: 640 },
        scores: { nps: 39, csat: 85, ces: 6, responses: 420 }, emotion: 1,
        friction: [{ id: 'f-bonus-hidden', note: 'Bonus is offered only when the customer threatens to leave', severity: 3 }],
      },
      { id: 'renews', kind: 'outcome', label: 'Renews the contract', stage: 'follow-up', channel: 'website', position: { x: column('follow-up', 1), y: 0 }, result: 'success', friction: [] },
      { id: 'recommends', kind: 'outcome', label: 'Recommends the provider', stage: 'follow-up', channel: 'social', position: { x: column('follow-up', 1), y: 220 }, result: 'success', friction: [] },
      { id: 'churns', kind: 'outcome', label: 'Switches provider (churn)', stage: 'follow-up', position: { x: column('follow-up', 1), y: 440 }, result: 'failure', friction: [] },
    ],
    edges: [
      { id: 'e-down-help', source: 'connection-down', target: 'help-pages', weight: 3 },
      { id: 'e-down-ivr', source: 'connection-down', target: 'ivr', weight: 2 },
      { id: 'e-bill-ivr', source: 'bill-shock', target: 'ivr', weight: 3 },
      { id: 'e-bill-help', source: 'bill-shock', target: 'help-pages', weight: 1 },
      { id: 'e-contract-loyalty', source: 'contract-ending', target: 'loyalty-bonus', weight: 2, label: 'customer for 3+ years' },
      { id: 'e-contract-churn', source: 'contract-ending', target: 'churns', weight: 1, label: 'compares offers and leaves' },
      { id: 'e-help-ivr', source: 'help-pages', target: 'ivr', weight: 4, label: 'still not working' },
      { id: 'e-help-survey', source: 'help-pages', target: 'sms-survey', weight: 1, label: 'fixed it themselves' },
      { id: 'e-ivr-agent', source: 'ivr', target: 'agent-call', weight: 1 },
      { id: 'e-agent-beyond', source: 'agent-call', target: 'beyond-script', weight: 2, label: 'goes beyond the script' },
      { id: 'e-agent-callback', source: 'agent-call', target: 'callback', weight: 2, label: 'unresolved' },
      { id: 'e-agent-survey', source: 'agent-call', target: 'sms-survey', weight: 3, label: 'resolved on the call' },
      { id: 'e-callback-agent', source: 'callback', target: 'agent-call', weight: 2, label: 'still unresolved' },
      { id: 'e-callback-survey', source: 'callback', target: 'sms-survey', weight: 3 },
      { id: 'e-callback-churn', source: 'callback', target: 'churns', weight: 1, label: 'gives up' },
      { id: 'e-beyond-survey', source: 'beyond-script', target: 'sms-survey', weight: 1 },
      { id: 'e-survey-loyalty', source: 'sms-survey', target: 'loyalty-bonus', weight: 2, label: 'customer for 3+ years' },
      { id: 'e-survey-renews', source: 'sms-survey', target: 'renews', weight: 4 },
      { id: 'e-survey-churn', source: 'sms-survey', target: 'churns', weight: 2 },
      { id: 'e-loyalty-renews', source: 'loyalty-bonus', target: 'renews', weight: 5 },
      { id: 'e-loyalty-recommends', source: 'loyalty-bonus', target: 'recommends', weight: 2 },
      { id: 'e-loyalty-churn', source: 'loyalty-bonus', target: 'churns', weight: 1 },
    ],
  });
}

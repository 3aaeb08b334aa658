import { createMap } from '../edits';
import { centredInBand, STAGE_WIDTH, stageBands } from '../layout';
import type { JourneyMap, Stage } from '../types';

/**
 * Account opening from the customer's side. Discover, Apply and Verify are two columns wide: where people
 * arrive and what they read; the application and the help around it; the checks and where people give up.
 */
const stages = (): Stage[] => [
  { id: 'discover', name: 'Discover', colour: '#1d4ed8', width: 2 * STAGE_WIDTH },
  { id: 'apply', name: 'Apply', colour: '#4338ca', width: 2 * STAGE_WIDTH },
  { id: 'verify', name: 'Verify', colour: '#a16207', width: 2 * STAGE_WIDTH },
  { id: 'onboard', name: 'Onboard', colour: '#0f766e' },
  { id: 'use', name: 'Use', colour: '#15803d' },
];

/**
 * "Bank account opening": customers start the application on the website and finish it in the mobile
 * app; the identity check is the moment of truth. A care agent in the chat app sees the application, so
 * customers no longer repeat their details; others book a branch appointment online.
 */
export function bankAccountSample(): JourneyMap {
  const stageList = stages();
  const bands = stageBands({ stages: stageList });
  /** Left edge of a card centred in column `sub` (STAGE_WIDTH apart) of the stage's band. */
  const column = (stage: string, sub = 0) => centredInBand({ x: bands.find((b) => b.id === stage)!.x + sub * STAGE_WIDTH, width: STAGE_WIDTH });
  return createMap({
    id: 'sample-bank-account',
    name: 'Bank account opening',
    description:
      'Opening a current account across website, mobile app, chat and branch. The identity check loses the most applicants; the online form asks for details the bank already has.',
    stages: stageList,
    nodes: [
      { id: 'comparison-site', kind: 'entry', label: 'Comparison site', stage: 'discover', channel: 'website', position: { x: column('discover'), y: 0 }, share: 40, friction: [] },
      { id: 'search-ad', kind: 'entry', label: 'Search ad for current accounts', stage: 'discover', channel: 'website', position: { x: column('discover'), y: 180 }, share: 35, friction: [] },
      { id: 'friend-referral', kind: 'entry', label: 'Recommended by a friend', stage: 'discover', channel: 'social', position: { x: column('discover'), y: 360 }, share: 25, friction: [] },
      {
        id: 'account-page', kind: 'touchpoint', label: 'Current account page', stage: 'discover', channel: 'website', position: { x: column('discover', 1), y: 120 },
        scores: { nps: 22, csat: 78, ces: 5.4, responses: 380 }, emotion: 1, dropOff: 0.3,
        friction: [{ id: 'f-fees', note: 'Monthly fee conditions are buried in the small print', severity: 2 }],
      },
      {
        id: 'book-appointment', kind: 'touchpoint', label: 'Book an appointment online', stage: 'apply', channel: 'website', position: { x: column('apply'), y: 520 },
        scores: { csat: 84, ces: 6, responses: 140 }, emotion: 1,
        friction: [{ id: 'f-slots', note: 'Earliest branch slot is 9 days away', severity: 3 }],
      },
      {
        id: 'online-application', kind: 'touchpoint', label: 'Start application online', stage: 'apply', channel: 'website', position: { x: column('apply'), y: 0 },
        scores: { nps: 5, csat: 66, ces: 4.3, responses: 520 }, emotion: 0,
        friction: [
          { id: 'f-long-form', note: 'Form asks for details existing customers already gave the bank', severity: 3 },
          { id: 'f-no-save', note: 'Progress is lost when the session times out', severity: 4 },
        ],
      },
      {
        id: 'finish-in-app', kind: 'touchpoint', label: 'Finish in the mobile app', stage: 'apply', channel: 'mobile-app', position: { x: column('apply', 1), y: 160 },
        scores: { nps: 28, csat: 81, ces: 5.8, responses: 310 }, emotion: 1,
        friction: [{ id: 'f-handoff', note: 'QR code hand-off from the website fails on some Android phones', severity: 2 }],
      },
      {
        id: 'identity-check', kind: 'touchpoint', label: 'Identity check (ID and selfie)', stage: 'verify', channel: 'mobile-app', position: { x: column('verify'), y: 160 },
        scores: { nps: -8, csat: 58, ces: 3.9, responses: 295 }, emotion: -1, dropOff: 0.18,
        friction: [
          { id: 'f-selfie', note: 'Selfie rejected in poor light, with no tips on how to retake it', severity: 4 },
          { id: 'f-manual-review', note: 'Manual review takes up to 3 days without status updates', severity: 3 },
        ],
      },
      {
        id: 'chat-agent', kind: 'touchpoint', label: 'Care agent in the chat app', stage: 'apply', channel: 'chat', position: { x: column('apply', 1), y: 340 },
        scores: { nps: 34, csat: 86, ces: 6.1, responses: 190 }, emotion: 1,
        friction: [
          { id: 'f-repeat-details', note: 'Customers repeated their details to the agent (fixed: the agent now sees the application)', severity: 3, resolved: true },
          { id: 'f-chat-hours', note: 'Chat is staffed only until 8 pm', severity: 2 },
        ],
      },
      {
        id: 'branch-visit', kind: 'touchpoint', label: 'Branch appointment', stage: 'verify', channel: 'store', position: { x: column('verify'), y: 520 },
        scores: { nps: 41, csat: 90, ces: 6.3, responses: 85 }, emotion: 2,
        friction: [{ id: 'f-documents', note: 'Nobody says which documents to bring', severity: 2 }],
      },
      {
        id: 'welcome-pack', kind: 'touchpoint', label: 'Welcome email and card activation', stage: 'onboard', channel: 'email', position: { x: column('onboard'), y: 160 },
        scores: { csat: 79, responses: 210 }, emotion: 1, dropOff: 0.05,
        friction: [{ id: 'f-card-delay', note: 'Debit card arrives after the first salary payment', severity: 2 }],
      },
      {
        id: 'first-month', kind: 'touchpoint', label: 'First month in the app', stage: 'onboard', channel: 'mobile-app', position: { x: column('onboard'), y: 420 },
        scores: { nps: 36, csat: 83, ces: 6, responses: 260 }, emotion: 1,
        friction: [],
      },
      { id: 'account-in-use', kind: 'outcome', label: 'Account opened and in use', stage: 'use', channel: 'mobile-app', position: { x: column('use'), y: 240 }, result: 'success', friction: [] },
      { id: 'recommends', kind: 'outcome', label: 'Recommends the bank', stage: 'use', channel: 'social', position: { x: column('use'), y: 460 }, result: 'success', friction: [] },
      { id: 'abandoned', kind: 'outcome', label: 'Abandons the application', stage: 'verify', position: { x: column('verify', 1), y: 0 }, result: 'failure', friction: [] },
    ],
    edges: [
      { id: 'e-comparison-page', source: 'comparison-site', target: 'account-page', weight: 1 },
      { id: 'e-ad-page', source: 'search-ad', target: 'account-page', weight: 1 },
      { id: 'e-friend-page', source: 'friend-referral', target: 'account-page', weight: 2 },
      { id: 'e-friend-appointment', source: 'friend-referral', target: 'book-appointment', weight: 1 },
      { id: 'e-page-application', source: 'account-page', target: 'online-application', weight: 5 },
      { id: 'e-page-appointment', source: 'account-page', target: 'book-appointment', weight: 2, label: 'prefers to talk in person' },
      { id: 'e-appointment-branch', source: 'book-appointment', target: 'branch-visit', weight: 1 },
      { id: 'e-application-app', source: 'online-application', target: 'finish-in-app', weight: 6, label: 'continues on the phone' },
      { id: 'e-application-chat', source: 'online-application', target: 'chat-agent', weight: 2, label: 'has a question' },
      { id: 'e-application-abandoned', source: 'online-application', target: 'abandoned', weight: 1, label: 'session timed out' },
      { id: 'e-app-identity', source: 'finish-in-app', target: 'identity-check', weight: 1 },
      { id: 'e-chat-app', source: 'chat-agent', target: 'finish-in-app', weight: 3, label: 'back to the application' },
      { id: 'e-chat-appointment', source: 'chat-agent', target: 'book-appointment', weight: 1, label: 'books a branch visit' },
      { id: 'e-identity-welcome', source: 'identity-check', target: 'welcome-pack', weight: 6 },
      { id: 'e-identity-chat', source: 'identity-check', target: 'chat-agent', weight: 2, label: 'needs help' },
      { id: 'e-identity-abandoned', source: 'identity-check', target: 'abandoned', weight: 1, label: 'gives up after rejection' },
      { id: 'e-branch-welcome', source: 'branch-visit', target: 'welcome-pack', weight: 1 },
      { id: 'e-welcome-first-month', source: 'welcome-pack', target: 'first-month', weight: 1 },
      { id: 'e-first-month-in-use', source: 'first-month', target: 'account-in-use', weight: 6 },
      { id: 'e-first-month-recommends', source: 'first-month', target: 'recommends', weight: 2 },
    ],
  });
}

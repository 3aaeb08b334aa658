import type { JourneyMap } from '../types';
import { bankAccountSample } from './bankAccount';
import { onlineStoreSample } from './onlineStore';
import { telecomSupportSample } from './telecomSupport';

export interface Template {
  id: string;
  name: string;
  description: string;
  /** A fresh copy each call, so edits to one map never leak into the next. */
  create: () => JourneyMap;
}

/** Maps a user can start from; the first is the one a first-time user sees. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'online-store',
    name: 'Online store',
    description: 'Ads and search to product pages, cart and a checkout that loses customers; delivery, chat and reviews.',
    create: onlineStoreSample,
  },
  {
    id: 'bank-account-opening',
    name: 'Bank account opening',
    description: 'Apply online, finish in the app, pass the identity check; chat with an agent or book a branch visit.',
    create: bankAccountSample,
  },
  {
    id: 'telecom-support',
    name: 'Telecom support',
    description: 'IVR, agents who may go beyond scripts, callback loops, an SMS survey, a loyalty bonus — or churn.',
    create: telecomSupportSample,
  },
];

export { bankAccountSample, onlineStoreSample, telecomSupportSample };

import type { EventState, TimelineEventKind } from '@app/common';
import type { CalendarDate } from './calendar-date.js';

/** The activity facts the account platform reports for one account (api.md, PUT …/activity). */
export interface AccountActivity {
  lastSignInAt: CalendarDate;
  blockedSince: CalendarDate | null;
  closedByHolderAt: CalendarDate | null;
  purchases: readonly { at: CalendarDate; kind: PurchaseKind }[];
  subscriptions: readonly { startedAt: CalendarDate; endedAt: CalendarDate | null }[];
  storePublisher: boolean;
  certified: boolean;
  balance: Money | null;
  owedByProvider: Money | null;
  consentedMinorAccounts: readonly { accountEmail: string; status: MinorAccountStatus }[];
}

/** The facts of an account that did nothing but sign in on `lastSignInAt`. */
export function signedInOnly(lastSignInAt: CalendarDate): AccountActivity {
  return {
    lastSignInAt,
    blockedSince: null,
    closedByHolderAt: null,
    purchases: [],
    subscriptions: [],
    storePublisher: false,
    certified: false,
    balance: null,
    owedByProvider: null,
    consentedMinorAccounts: [],
  };
}

export interface Money {
  /** A decimal string ("12.50"): never a float. */
  amount: string;
  currency: string;
}

export const PURCHASE_KINDS = ['PRODUCT', 'GIFT_CARD', 'CERTIFICATION', 'SUBSCRIPTION'] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];

export const MINOR_ACCOUNT_STATUSES = ['ACTIVE', 'CLOSED', 'STANDARD'] as const;
export type MinorAccountStatus = (typeof MINOR_ACCOUNT_STATUSES)[number];

/** A preservation hold placed by a case; `releasedAt` null while it holds. Instants, ISO 8601. */
export interface HoldFact {
  caseReference: string;
  since: string;
  releasedAt: string | null;
}

/** The timeline's events and their states are api.md vocabulary (libs/common), shared with the web UI. */
export { EVENT_STATES, type EventState, TIMELINE_EVENT_KINDS, type TimelineEventKind } from '@app/common';

export const STOP_REASONS = [
  'PURCHASE',
  'SUBSCRIPTION',
  'STORE_PUBLISHER',
  'CERTIFICATION',
  'BALANCE',
  'CREDITOR',
  'FAMILY_CONSENT',
  'LEGAL_HOLD',
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const ACCOUNT_STATUSES = ['ACTIVE', 'INACTIVE', 'FROZEN', 'CLOSED', 'REOPENABLE', 'DELETED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface TimelineEvent {
  kind: TimelineEventKind;
  /** null when an exception keeps the account open: there is no date to show. */
  date: CalendarDate | null;
  state: EventState;
  stoppedBy: StopReason[];
}

export interface Timeline {
  asOf: CalendarDate;
  policyVersion: string;
  status: AccountStatus;
  events: TimelineEvent[];
  exceptions: StopReason[];
  /** The holds in force on `asOf`. */
  holds: { caseReference: string; since: string }[];
  uncertaintyDays: number;
  /** The first date after `asOf` on which this timeline can change without new facts. */
  changesOn: CalendarDate | null;
}

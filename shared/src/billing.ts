import type { IsoDate, IsoDateTime } from './api';
import type { SessionSetting } from './enums';

/** SPEC §13: how a session's minutes become 15-minute units. */
export const BILLING_ROUNDINGS = ['floor15', 'eight_minute'] as const;
export type BillingRounding = (typeof BILLING_ROUNDINGS)[number];

/** At most this many modifiers on a line, the group modifier included. */
export const BILLING_MAX_MODIFIERS = 4;

/** Why a claim line is not billable, in the order they are listed. */
export const BILLING_BLOCK_REASONS = [
  'no_coverage',
  'no_note',
  'note_unsigned',
  'awaiting_cosign',
  'no_active_plan',
  'zero_units',
  'credential_expired',
  'no_credential',
  'group_too_large',
  'daily_cap',
] as const;
export type BillingBlockReason = (typeof BILLING_BLOCK_REASONS)[number];

export const BILLING_BLOCK_REASON_LABELS: Record<BillingBlockReason, string> = {
  no_coverage: 'No coverage on file',
  no_note: 'No note written',
  note_unsigned: 'Note not signed',
  awaiting_cosign: 'Waiting for a co-signature',
  no_active_plan: 'No recovery plan in force',
  zero_units: 'Too short for a unit',
  credential_expired: 'Credential expired',
  no_credential: 'Worker has no credential',
  group_too_large: 'Group larger than the payer allows',
  daily_cap: 'Over the daily unit limit',
};

/** Place of service codes by session setting (SPEC §13). */
export const PLACE_OF_SERVICE: Record<SessionSetting, string> = {
  clinic: '11',
  home_visit: '12',
  online: '02',
  phone: '02',
  hospital: '22',
  community_center: '99',
  other: '99',
};

/** Units from minutes under a rounding rule (the SQL computes the same). */
export function billingUnits(minutes: number, rounding: BillingRounding): number {
  const m = Math.max(0, Math.floor(minutes));
  return rounding === 'floor15' ? Math.floor(m / 15) : Math.floor((m + 7) / 15);
}

export interface BillingProfile {
  id: string;
  name: string;
  code: string;
  modifiers: string[];
  groupModifier: string | null;
  rounding: BillingRounding;
  maxUnitsPerDay: number | null;
  maxGroupSize: number | null;
  requiresActivePlan: boolean;
  requiresCosign: boolean;
  requiresCredential: boolean;
  /** Amount per unit, 2 decimals; null when not known. */
  unitRate: number | null;
  active: boolean;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateBillingProfileRequest {
  id?: string;
  name: string;
  code: string;
  modifiers?: string[];
  groupModifier?: string | null;
  rounding: BillingRounding;
  maxUnitsPerDay?: number | null;
  maxGroupSize?: number | null;
  requiresActivePlan?: boolean;
  requiresCosign?: boolean;
  requiresCredential?: boolean;
  unitRate?: number | null;
  active?: boolean;
}

export type UpdateBillingProfileRequest = Partial<Omit<CreateBillingProfileRequest, 'id'>> & {
  version: number;
};

/** A participant's coverage: the billing profile that pays and their member id with it. */
export interface Coverage {
  profileId: string;
  memberId: string;
}

/** One attended participant of one session, as a claim (SPEC §13). */
export interface ClaimLine {
  sessionId: string;
  /** null when the person has since moved to another team. */
  participantId: string | null;
  memberName: string;
  memberId: string | null;
  serviceDate: IsoDate;
  profileId: string | null;
  code: string | null;
  modifiers: string[];
  /** Units under the profile's rounding, before the daily cap. */
  rawUnits: number;
  /** Units billed: after the daily cap (0 for a blocked line). */
  units: number;
  amount: number | null;
  placeOfService: string;
  renderingWorkerId: string;
  renderingWorkerName: string;
  credential: string | null;
  noteId: string | null;
  /** The live batch holding this line, null when in none. */
  batchId: string | null;
  /** Empty for a billable line. */
  reasons: BillingBlockReason[];
}

export interface ClaimLinesResult {
  period: { from: IsoDate; to: IsoDate };
  teamId: string | null;
  totals: { lines: number; units: number; amount: number | null };
  items: ClaimLine[];
}

export interface BlockedLinesResult extends ClaimLinesResult {
  /** Blocked lines by reason (a line with two reasons counts in both). */
  byReason: Record<BillingBlockReason, number>;
}

export interface BillingBatch {
  id: string;
  teamId: string;
  from: IsoDate;
  to: IsoDate;
  createdById: string;
  createdAt: IsoDateTime;
  voidedAt: IsoDateTime | null;
  voidReason: string | null;
  lines: number;
  units: number;
  amount: number | null;
  items: ClaimLine[];
}

/** The columns of the claims CSV, in order (documented in the README). */
export const CLAIM_CSV_COLUMNS = [
  'service_date',
  'member_id',
  'member_name',
  'code',
  'modifiers',
  'units',
  'amount',
  'place_of_service',
  'rendering_worker',
  'rendering_credential',
  'session_id',
  'note_id',
] as const;

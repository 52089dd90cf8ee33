import {
  BILLING_BLOCK_REASONS,
  type BillingBatch,
  type BillingBlockReason,
  type BlockedLinesResult,
  type ClaimLine,
  type ClaimLinesResult,
} from '@peerpath/shared';
import { CountsOf, Out } from '../common/api-docs';

export class ClaimLineResponse implements ClaimLine {
  @Out.uuid()
  sessionId: string;

  @Out.uuid({ nullable: true, description: 'null when the person has since moved to another team' })
  participantId: string | null;

  @Out.text({ description: 'The member’s name as the payer knows it' })
  memberName: string;

  @Out.text({ nullable: true, description: 'The member id of their coverage; null without one' })
  memberId: string | null;

  @Out.date({ description: 'The session’s day in ORG_TIMEZONE' })
  serviceDate: string;

  @Out.uuid({ nullable: true })
  profileId: string | null;

  @Out.text({ nullable: true, example: 'H0038' })
  code: string | null;

  @Out.textArray({ description: 'The profile’s modifiers, plus the group modifier for a group' })
  modifiers: string[];

  @Out.int({ minimum: 0, description: 'Units from the minutes, before the daily cap' })
  rawUnits: number;

  @Out.int({ minimum: 0, description: 'Units billed (after the daily cap; 0 when blocked)' })
  units: number;

  @Out.number({ nullable: true, description: 'units × unitRate, 2 decimals; null without a rate' })
  amount: number | null;

  @Out.text({ example: '11', description: 'Place of service code from the session’s setting' })
  placeOfService: string;

  @Out.uuid()
  renderingWorkerId: string;

  @Out.text()
  renderingWorkerName: string;

  @Out.text({ nullable: true, description: 'The rendering worker’s credential' })
  credential: string | null;

  @Out.uuid({ nullable: true })
  noteId: string | null;

  @Out.uuid({ nullable: true, description: 'The live batch holding the line' })
  batchId: string | null;

  @Out.enumArray(BILLING_BLOCK_REASONS, { description: 'Why it is blocked; empty when billable' })
  reasons: BillingBlockReason[];
}

class PeriodResponse {
  @Out.date()
  from: string;

  @Out.date()
  to: string;
}

class ClaimTotalsResponse {
  @Out.int({ minimum: 0 })
  lines: number;

  @Out.int({ minimum: 0 })
  units: number;

  @Out.number({ nullable: true, description: 'Sum of the amounts; null when none has a rate' })
  amount: number | null;
}

export class ClaimLinesResponse implements ClaimLinesResult {
  @Out.object(() => PeriodResponse)
  period: { from: string; to: string };

  @Out.uuid({ nullable: true, description: 'null: every team (admins)' })
  teamId: string | null;

  @Out.object(() => ClaimTotalsResponse, { description: 'Computed in the database' })
  totals: { lines: number; units: number; amount: number | null };

  @Out.array(() => ClaimLineResponse)
  items: ClaimLineResponse[];
}

const ByReason = CountsOf(BILLING_BLOCK_REASONS, 'BlockedByReason');

export class BlockedLinesResponse extends ClaimLinesResponse implements BlockedLinesResult {
  @Out.object(() => ByReason, { description: 'Blocked lines by reason (a line may count twice)' })
  byReason: Record<BillingBlockReason, number>;
}

export class BillingBatchResponse implements BillingBatch {
  @Out.uuid()
  id: string;

  @Out.uuid()
  teamId: string;

  @Out.date()
  from: string;

  @Out.date()
  to: string;

  @Out.uuid()
  createdById: string;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime({ nullable: true })
  voidedAt: string | null;

  @Out.text({ nullable: true })
  voidReason: string | null;

  @Out.int({ minimum: 0 })
  lines: number;

  @Out.int({ minimum: 0 })
  units: number;

  @Out.number({ nullable: true })
  amount: number | null;

  @Out.array(() => ClaimLineResponse)
  items: ClaimLineResponse[];
}

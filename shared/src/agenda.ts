import type { IsoDate } from './api';

/**
 * SPEC §11 the worker's day: what is due on or before a date, for one worker,
 * consents to share (§10) ending in the next 30 days, and credentials ending
 * in the next 90. `group_meeting` is
 * reserved for recurring groups.
 */
export const AGENDA_ITEM_KINDS = [
  'safety_alert',
  'handout_follow_up',
  'advocacy_due',
  'decision_note_check_in',
  'plan_review',
  'measure_due',
  'note_awaiting_signature',
  'consent_expiring',
  'credential_expiring',
  'group_meeting',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const AGENDA_ITEM_LABELS: Record<AgendaItemKind, string> = {
  safety_alert: 'Safety check-in',
  handout_follow_up: 'Resource follow-up',
  advocacy_due: 'Advocacy due',
  decision_note_check_in: 'Decision check-in',
  plan_review: 'Plan review',
  measure_due: 'Outcome measure',
  note_awaiting_signature: 'Note to sign',
  consent_expiring: 'Consent ending soon',
  credential_expiring: 'Credential to renew',
  group_meeting: 'Group meets',
};

export interface AgendaItem {
  kind: AgendaItemKind;
  /** The day it was due (or comes due): earlier than the agenda's date means overdue. */
  dueOn: IsoDate;
  /** null for work about no one person (systemic advocacy, a group), or a person since moved to another team. */
  participantId: string | null;
  /** The person's name as the team knows them; null when the item is about no one person. */
  participantName: string | null;
  title: string;
  /** Where in the web app it is done. */
  link: string;
  /** The record the item is about (handout, advocacy action, note's session, plan, alert, …). */
  recordId: string;
}

export interface Agenda {
  date: IsoDate;
  workerId: string;
  items: AgendaItem[];
}

export interface AgendaQuery {
  date?: IsoDate;
  workerId?: string;
}

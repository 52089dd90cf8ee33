import type { IsoDate, IsoDateTime } from './api';

/** SPEC §11: work outside sessions. It never counts as service or contact hours. */
export const TIME_ENTRY_KINDS = [
  'outreach',
  'travel',
  'documentation',
  'training',
  'supervision',
  'community_event',
  'admin',
] as const;
export type TimeEntryKind = (typeof TIME_ENTRY_KINDS)[number];

export const TIME_ENTRY_KIND_LABELS: Record<TimeEntryKind, string> = {
  outreach: 'Outreach',
  travel: 'Travel',
  documentation: 'Documentation',
  training: 'Training',
  supervision: 'Supervision',
  community_event: 'Community event',
  admin: 'Admin',
};

/** The longest one entry may be: a whole day. */
export const TIME_ENTRY_MAX_MINUTES = 1440;

export interface TimeEntry {
  id: string;
  teamId: string;
  workerId: string;
  on: IsoDate;
  minutes: number;
  kind: TimeEntryKind;
  note: string | null;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateTimeEntryRequest {
  /** Client-chosen id for a safe retry. */
  id?: string;
  /** The caller by default; a supervisor may name a worker of the team. */
  workerId?: string;
  /** Today by default. */
  on?: IsoDate;
  minutes: number;
  kind: TimeEntryKind;
  note?: string | null;
}

export type UpdateTimeEntryRequest = Partial<Omit<CreateTimeEntryRequest, 'id' | 'workerId'>> & {
  version: number;
};

export interface TimeEntryListQuery {
  workerId?: string;
  kind?: TimeEntryKind;
  from?: IsoDate;
  to?: IsoDate;
  teamId?: string;
  page?: number;
  pageSize?: number;
}

import type { IsoDate, IsoDateTime } from './api';

/** SPEC §11: supervision of a worker, one to one or in a group. */
export const SUPERVISION_FORMATS = ['individual', 'group'] as const;
export type SupervisionFormat = (typeof SUPERVISION_FORMATS)[number];

export const SUPERVISION_FORMAT_LABELS: Record<SupervisionFormat, string> = {
  individual: 'One to one',
  group: 'In a group',
};

/** The longest one supervision may be: a whole day. */
export const SUPERVISION_MAX_MINUTES = 1440;

/** A supervision record; it carries the worker's team. */
export interface Supervision {
  id: string;
  teamId: string;
  workerId: string;
  supervisorId: string;
  on: IsoDate;
  minutes: number;
  format: SupervisionFormat;
  topics: string | null;
  actionItems: string | null;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateSupervisionRequest {
  /** Client-chosen id for a safe retry. */
  id?: string;
  workerId: string;
  /** The caller by default. */
  supervisorId?: string;
  /** Today by default. */
  on?: IsoDate;
  minutes: number;
  format: SupervisionFormat;
  topics?: string | null;
  actionItems?: string | null;
}

export type UpdateSupervisionRequest = Partial<
  Omit<CreateSupervisionRequest, 'id' | 'workerId' | 'supervisorId'>
> & { version: number };

export interface SupervisionListQuery {
  workerId?: string;
  supervisorId?: string;
  from?: IsoDate;
  to?: IsoDate;
  teamId?: string;
  page?: number;
  pageSize?: number;
}

/** `GET /api/supervisions/last`: when each worker of the team was last supervised. */
export interface LastSupervision {
  workerId: string;
  /** The day of their latest supervision; null when never. */
  lastOn: IsoDate | null;
  /** Whole days from `lastOn` to today (ORG_TIMEZONE); null when never. */
  daysSince: number | null;
}

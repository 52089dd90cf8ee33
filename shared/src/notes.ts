import type { IsoDateTime } from './api';
import type { SessionType } from './enums';

/**
 * Session notes (SPEC §8): one note for each attendee of a session, in the
 * team's chosen format, linked to the goals of the person's plan it worked on,
 * signed by the facilitator and, where required, co-signed by a supervisor.
 */

/** How a note is written: free text or one of the structured formats. */
export const NOTE_FORMATS = ['free', 'girp', 'dap', 'birp'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];

export const NOTE_STATUSES = ['draft', 'signed', 'cosigned'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** The sections of each format, in the order they are written. Every one must be filled in. */
export const NOTE_SECTIONS = {
  free: ['text'],
  girp: ['goal', 'intervention', 'response', 'plan'],
  dap: ['data', 'assessment', 'plan'],
  birp: ['behavior', 'intervention', 'response', 'plan'],
} as const satisfies Record<NoteFormat, readonly string[]>;

/** Every section name of any format. */
export const NOTE_SECTION_NAMES = [
  'text',
  'goal',
  'intervention',
  'response',
  'plan',
  'data',
  'assessment',
  'behavior',
] as const;
export type NoteSectionName = (typeof NOTE_SECTION_NAMES)[number];
export type NoteSections = Partial<Record<NoteSectionName, string>>;

/** The format a team's notes start in when the team has not chosen one. */
export const DEFAULT_NOTE_FORMAT: NoteFormat = 'free';

/** Hours after a session ends within which a note is signed on time (NOTE_LATE_HOURS). */
export const NOTE_LATE_HOURS_DEFAULT = 48;

export const NOTE_LABELS = {
  format: {
    free: 'Free text',
    girp: 'GIRP (goal, intervention, response, plan)',
    dap: 'DAP (data, assessment, plan)',
    birp: 'BIRP (behavior, intervention, response, plan)',
  },
  status: { draft: 'Draft', signed: 'Signed', cosigned: 'Co-signed' },
  section: {
    text: 'Note',
    goal: 'Goal',
    intervention: 'What I did',
    response: 'How they responded',
    plan: 'Plan',
    data: 'What happened',
    assessment: 'Assessment',
    behavior: 'What I saw and heard',
  },
  /** A prompt under each section, in plain words. */
  prompt: {
    text: 'What happened, what they chose, what comes next.',
    goal: 'Which of their goals this worked on, in their words.',
    intervention: 'What you offered: listening, a skill, a resource, sharing your story.',
    response: 'How they took it, in their words where you can.',
    plan: 'What happens next, and who does it.',
    data: 'What they shared and what you saw.',
    assessment: 'What it means for their recovery, strengths first.',
    behavior: 'What they said and did, without judgement.',
  },
} as const satisfies {
  format: Record<NoteFormat, string>;
  status: Record<NoteStatus, string>;
  section: Record<NoteSectionName, string>;
  prompt: Record<NoteSectionName, string>;
};

/** Something added to a signed note; the note itself never changes again. */
export interface NoteAddendum {
  id: string;
  at: IsoDateTime;
  byId: string;
  text: string;
}

export interface SessionNote {
  id: string;
  sessionId: string;
  /** null when the person has since moved to another team (the note stays with the session's team). */
  participantId: string | null;
  /** The person's name as the team knows them, or "Participant of another team". */
  participantName: string;
  teamId: string;
  /** When the session started, its type and who facilitated it (the note's author). */
  sessionStartsAt: IsoDateTime;
  sessionType: SessionType;
  facilitatorId: string;
  format: NoteFormat;
  sections: NoteSections;
  goalIds: string[];
  status: NoteStatus;
  signedAt: IsoDateTime | null;
  signedById: string | null;
  /** Signed more than NOTE_LATE_HOURS after the session ended. */
  late: boolean;
  /** At signing, the note was found to need a supervisor's co-signature. */
  cosignRequired: boolean;
  /** Signed and waiting for a supervisor's co-signature. */
  awaitingCosign: boolean;
  /** While waiting: hours since signing, 1 decimal. */
  hoursWaited: number | null;
  cosignedAt: IsoDateTime | null;
  cosignedById: string | null;
  returnedComment: string | null;
  returnedAt: IsoDateTime | null;
  returnedById: string | null;
  addenda: NoteAddendum[];
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateSessionNoteRequest {
  id?: string;
  participantId: string;
  /** The team's default format when left out. */
  format?: NoteFormat;
  sections: NoteSections;
  goalIds?: string[];
}

export interface UpdateSessionNoteRequest {
  version: number;
  format?: NoteFormat;
  sections?: NoteSections;
  goalIds?: string[];
}

export interface SignSessionNoteRequest {
  /** The version last read: signing checks the note was not changed meanwhile. */
  version?: number;
}

export interface ReturnSessionNoteRequest {
  comment: string;
}

export interface AddNoteAddendumRequest {
  id?: string;
  text: string;
}

export interface SessionNoteListQuery {
  status?: NoteStatus;
  awaitingCosign?: boolean;
  participantId?: string;
  sessionId?: string;
  /** Notes that worked on this goal. */
  goalId?: string;
  /** Notes this user signed (with awaitingCosign: their notes waiting for a co-signature). */
  signedById?: string;
  page?: number;
  pageSize?: number;
}

/** The note of a session entry in a participant's timeline: status and the goals it worked on. */
export interface TimelineNote {
  id: string;
  status: NoteStatus;
  late: boolean;
  goals: { id: string; statement: string }[];
}

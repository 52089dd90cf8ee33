import type { Type } from '@nestjs/common';
import { ParticipantsModule } from './participants/participants.module';
import { SessionsModule } from './sessions/sessions.module';
import { AdvocacyModule } from './advocacy/advocacy.module';
import { PlansModule } from './plans/plans.module';
import { ResourcesModule } from './resources/resources.module';
import { HandoutsModule } from './handouts/handouts.module';
import { DecisionNotesModule } from './decision-notes/decision-notes.module';
import { ReportsModule } from './reports/reports.module';
import { NotesModule } from './notes/notes.module';
import { MeasuresModule } from './measures/measures.module';
import { ConsentsModule } from './consents/consents.module';
import { AgendaModule } from './agenda/agenda.module';
import { TimeEntriesModule } from './time-entries/time-entries.module';
import { GroupsModule } from './groups/groups.module';
import { SupervisionsModule } from './supervisions/supervisions.module';
import { CalendarModule } from './calendar/calendar.module';
import { BillingModule } from './billing/billing.module';

/**
 * The record-keeping features (participants, sessions, advocacy, resources,
 * handouts, decision notes, reports). Each lives in its own folder.
 */
export const FEATURE_MODULES: Type[] = [
  ParticipantsModule,
  SessionsModule,
  AdvocacyModule,
  PlansModule,
  ResourcesModule,
  HandoutsModule,
  DecisionNotesModule,
  ReportsModule,
  NotesModule,
  MeasuresModule,
  ConsentsModule,
  AgendaModule,
  TimeEntriesModule,
  GroupsModule,
  SupervisionsModule,
  CalendarModule,
  BillingModule,
];

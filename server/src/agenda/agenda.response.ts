import {
  AGENDA_ITEM_KINDS,
  type Agenda,
  type AgendaItem,
  type AgendaItemKind,
} from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class AgendaItemResponse implements AgendaItem {
  @Out.enum(AGENDA_ITEM_KINDS)
  kind: AgendaItemKind;

  @Out.date({ description: 'When it was due; before the agenda’s date means overdue' })
  dueOn: string;

  @Out.uuid({
    nullable: true,
    description:
      'The person it is about; null for systemic advocacy, a group, or a person since moved to another team',
  })
  participantId: string | null;

  @Out.text({
    nullable: true,
    description: 'The person’s name as the team knows them, or "Participant of another team"',
  })
  participantName: string | null;

  @Out.text()
  title: string;

  @Out.text({ description: 'Where in the web app it is done, e.g. `/participants/<id>`' })
  link: string;

  @Out.uuid({ description: 'The record the item is about' })
  recordId: string;
}

export class AgendaResponse implements Agenda {
  @Out.date()
  date: string;

  @Out.uuid()
  workerId: string;

  @Out.array(() => AgendaItemResponse, { description: 'Oldest first' })
  items: AgendaItemResponse[];
}

import {
  LABELS,
  type CreateAdvocacyActionRequest,
  type CreateDecisionNoteRequest,
  type CreateHandoutRequest,
  type SessionType,
} from '@peerpath/shared';
import { queryClient } from '../api';
import { formatDate, formatDateTime, today } from '../lib/dates';

interface Named {
  id: string;
  firstName: string;
  lastName: string;
  preferredName?: string | null;
}

/** A name already on this page (the person's page or a list), without asking the server. */
function knownName(participantId: string | null | undefined): string | null {
  if (!participantId) return null;
  const one = queryClient.getQueryData<Named>(['participants', 'detail', participantId]);
  const found =
    one ??
    queryClient
      .getQueriesData<{ items?: Named[] }>({ queryKey: ['participants', 'list'] })
      .flatMap(([, page]) => page?.items ?? [])
      .find((p) => p.id === participantId);
  return found ? `${found.preferredName?.trim() || found.firstName} ${found.lastName}` : null;
}

function knownResource(resourceId: string): string | null {
  const found = queryClient
    .getQueriesData<{ items?: { id: string; name: string }[] }>({ queryKey: ['resources', 'list'] })
    .flatMap(([, page]) => page?.items ?? [])
    .find((r) => r.id === resourceId);
  return found?.name ?? null;
}

const withName = (text: string, participantId: string | null | undefined) => {
  const name = knownName(participantId);
  return name ? `${text} with ${name}` : text;
};

export function sessionSummary(body: {
  type?: SessionType;
  startsAt?: string;
  title?: string | null;
  attendance?: { participantId: string }[];
}): string {
  const people = body.attendance ?? [];
  const what = body.type ? LABELS.sessionType[body.type] : 'Session';
  const who =
    people.length === 1
      ? withName(what, people[0]!.participantId)
      : `${what}, ${people.length} people`;
  return [body.title ? `“${body.title}”` : null, who, formatDateTime(body.startsAt)]
    .filter(Boolean)
    .join(' · ');
}

export function decisionNoteSummary(body: CreateDecisionNoteRequest): string {
  return `${withName(`“${body.topic}”`, body.participantId)} · ${formatDate(body.discussedOn ?? today())}`;
}

export function advocacySummary(body: CreateAdvocacyActionRequest): string {
  const name = knownName(body.participantId);
  return [
    `“${body.title}”`,
    name ? `for ${name}` : body.level === 'systemic' ? 'systemic' : null,
    body.dueOn ? `due ${formatDate(body.dueOn)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function handoutSummary(body: CreateHandoutRequest): string {
  const resource = knownResource(body.resourceId) ?? 'A resource';
  const name = knownName(body.participantId);
  return [
    name ? `${resource} shared with ${name}` : resource,
    body.followUpOn ? `follow up ${formatDate(body.followUpOn)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

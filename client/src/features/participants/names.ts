import type { Participant } from '@peerpath/shared';

type Named = Pick<Participant, 'firstName' | 'lastName' | 'preferredName'>;

/** The name a participant goes by: their preferred name when they have one. */
export function participantName(p: Named): string {
  return `${p.preferredName?.trim() || p.firstName} ${p.lastName}`;
}

/** Their full name when it differs from the one they go by, else null. */
export function fullNameIfDifferent(p: Named): string | null {
  const preferred = p.preferredName?.trim();
  return preferred && preferred !== p.firstName ? `${p.firstName} ${p.lastName}` : null;
}

/** For search boxes and pickers: "Sam Lee (Samantha Lee)". */
export function participantLabel(p: Named): string {
  const full = fullNameIfDifferent(p);
  return full ? `${participantName(p)} (${full})` : participantName(p);
}

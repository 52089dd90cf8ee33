import { LABELS, WEEKDAY_LABELS, type RecurringGroup } from '@peerpath/shared';
import { formatMinutes } from '../../lib/dates';

/** "Tuesdays at 18:30 · 1 h 30 min · Community center". */
export function scheduleOf(g: RecurringGroup): string {
  return `${WEEKDAY_LABELS[g.weekday]}s at ${g.startTime} · ${formatMinutes(g.durationMinutes)} · ${LABELS.sessionSetting[g.setting]}`;
}

export const logMeetingPath = (groupId: string) => `/sessions/new?groupId=${groupId}`;

import { AGENDA_ITEM_KINDS, addDays, type AgendaItem, type AgendaItemKind } from '@peerpath/shared';

/** Days the feed covers, today included. */
export const CALENDAR_DAYS = 14;

/** How a count of one kind reads in a calendar: "3 follow-ups due". No names, ever. */
const COUNTED: Partial<Record<AgendaItemKind, [string, string]>> = {
  safety_alert: ['safety check-in', 'safety check-ins'],
  handout_follow_up: ['follow-up due', 'follow-ups due'],
  advocacy_due: ['advocacy action due', 'advocacy actions due'],
  decision_note_check_in: ['decision check-in', 'decision check-ins'],
  plan_review: ['plan review due', 'plan reviews due'],
  measure_due: ['outcome measure due', 'outcome measures due'],
  note_awaiting_signature: ['note to sign', 'notes to sign'],
  consent_expiring: ['consent ending soon', 'consents ending soon'],
};

/** Kinds whose title is a group's name, not a person's: shown as they are. */
const TITLED: readonly string[] = ['group_meeting', 'group'];

/** The words for `n` items of a kind; a kind this code does not know is counted by its name. */
export function countLabel(kind: string, n: number): string {
  const known = COUNTED[kind as AgendaItemKind];
  if (known) return `${n} ${n === 1 ? known[0] : known[1]}`;
  return `${n} ${kind.replace(/_/g, ' ')} ${n === 1 ? 'item' : 'items'}`;
}

export interface CalendarEvent {
  day: string;
  summary: string;
  uid: string;
}

/**
 * The feed's all-day events: for each day, one event per kind with its count
 * (items overdue count on the first day), and a group's meeting under its
 * name. Person-level details (names, ids, links) never leave this function.
 */
export function calendarEvents(items: AgendaItem[], today: string): CalendarEvent[] {
  const last = addDays(today, CALENDAR_DAYS - 1);
  const counts = new Map<string, number>();
  const events: CalendarEvent[] = [];
  for (const item of items) {
    const day = item.dueOn < today ? today : item.dueOn;
    if (day > last) continue;
    if (TITLED.includes(item.kind) && item.participantId === null) {
      events.push({ day, summary: item.title, uid: `${day}-${item.kind}-${item.recordId}` });
      continue;
    }
    const key = `${day}|${item.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = (kind: string) => {
    const i = (AGENDA_ITEM_KINDS as readonly string[]).indexOf(kind);
    return i < 0 ? AGENDA_ITEM_KINDS.length : i;
  };
  const counted = [...counts.entries()]
    .map(([key, n]) => {
      const [day, kind] = key.split('|');
      return { day, kind, n };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || order(a.kind) - order(b.kind));
  for (const c of counted) {
    events.push({ day: c.day, summary: countLabel(c.kind, c.n), uid: `${c.day}-${c.kind}` });
  }
  return events.sort((a, b) => a.day.localeCompare(b.day));
}

/** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest, 'utf8') > 75) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut), 'utf8') > 74) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

const compact = (day: string) => day.replace(/-/g, '');

/** A VCALENDAR of all-day events; `stamp` is now, as `YYYYMMDDTHHMMSSZ`. */
export function writeIcs(events: CalendarEvent[], stamp: string, host: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//PeerPath//Agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:PeerPath',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.day)}`,
      `DTEND;VALUE=DATE:${compact(addDays(e.day, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

import type { AgendaItem } from '@peerpath/shared';
import { calendarEvents, countLabel, writeIcs } from './ics';

const item = (
  over: Omit<Partial<AgendaItem>, 'kind'> & { kind: string; dueOn: string },
): AgendaItem =>
  ({
    participantId: 'p1',
    participantName: 'Rosalind Ashby',
    title: 'Follow up on the food bank',
    link: '/participants/p1',
    recordId: `r-${Math.random()}`,
    ...over,
  }) as AgendaItem;

describe('calendar events', () => {
  it('counts by kind per day, overdue on the first day, and leaves out names and later days', () => {
    const events = calendarEvents(
      [
        item({ kind: 'handout_follow_up', dueOn: '2026-03-01' }),
        item({ kind: 'handout_follow_up', dueOn: '2026-03-10' }),
        item({ kind: 'note_awaiting_signature', dueOn: '2026-03-10' }),
        item({ kind: 'note_awaiting_signature', dueOn: '2026-03-12' }),
        item({ kind: 'note_awaiting_signature', dueOn: '2026-03-12' }),
        item({ kind: 'advocacy_due', dueOn: '2026-03-24' }), // after the 14 days
      ],
      '2026-03-10',
    );
    expect(events.map((e) => [e.day, e.summary])).toEqual([
      ['2026-03-10', '2 follow-ups due'],
      ['2026-03-10', '1 note to sign'],
      ['2026-03-12', '2 notes to sign'],
    ]);
    expect(JSON.stringify(events)).not.toContain('Rosalind');
  });

  it('shows a group meeting by its name, and counts a kind it does not know by that kind', () => {
    const events = calendarEvents(
      [
        item({
          kind: 'group_meeting',
          dueOn: '2026-03-11',
          participantId: null,
          participantName: null,
          title: 'Tuesday Hope Circle',
        }),
        item({ kind: 'credential_expiring', dueOn: '2026-03-11' }),
        item({ kind: 'credential_expiring', dueOn: '2026-03-11' }),
      ],
      '2026-03-10',
    );
    expect(events.map((e) => e.summary)).toEqual([
      'Tuesday Hope Circle',
      '2 credential expiring items',
    ]);
    expect(countLabel('credential_expiring', 1)).toBe('1 credential expiring item');
  });

  it('writes all-day iCalendar events with escaped text and CRLF lines', () => {
    const ics = writeIcs(
      [{ day: '2026-03-31', summary: 'Peer, support; group', uid: '2026-03-31-group_meeting-x' }],
      '20260310T120000Z',
      'peerpath.example',
    );
    expect(ics).toContain('DTSTART;VALUE=DATE:20260331\r\nDTEND;VALUE=DATE:20260401\r\n');
    expect(ics).toContain('SUMMARY:Peer\\, support\\; group\r\n');
    expect(ics).toContain('UID:2026-03-31-group_meeting-x@peerpath.example\r\n');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});

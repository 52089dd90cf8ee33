import { escapeLike } from './participants.service';
import { timelineSnippet, timelineSummary, toTimelineItem, type TimelineRow } from './timeline';

const row = (r: Partial<TimelineRow>): TimelineRow => ({
  kind: 'session',
  id: 'x',
  at: new Date('2026-03-02T17:00:00Z'),
  onDate: null,
  a: null,
  b: null,
  c: null,
  n: null,
  openable: true,
  teamName: null,
  voided: false,
  body: null,
  dueOn: null,
  late: false,
  note: null,
  ...r,
});

describe('timeline summaries', () => {
  it('says what happened in words a worker uses', () => {
    expect(timelineSummary(row({ a: 'support_group', b: 'attended', n: 90 }))).toBe(
      'Support group · attended · 90 min',
    );
    expect(
      timelineSummary(
        row({ kind: 'advocacy', a: 'housing', b: 'in_progress', c: 'Appeal the rent' }),
      ),
    ).toBe('Housing advocacy · Appeal the rent · in progress');
    expect(
      timelineSummary(
        row({ kind: 'handout', a: 'Food Pantry', b: 'not_connected', c: 'warm_handoff' }),
      ),
    ).toBe('Food Pantry · warm handoff · not connected');
    expect(timelineSummary(row({ kind: 'decision_note', a: 'Changing medication' }))).toBe(
      'Changing medication',
    );
  });

  it('dates a session by its instant and everything else by its day', () => {
    expect(toTimelineItem(row({ a: 'online_forum', b: 'absent', n: 60 })).date).toBe(
      '2026-03-02T17:00:00.000Z',
    );
    const note = row({ kind: 'decision_note', onDate: '2026-03-05', a: 'Topic' });
    expect(toTimelineItem(note).date).toBe('2026-03-05');
  });

  it('shows another team’s session by its type, instant and team only', () => {
    const other = row({ a: 'support_group', openable: false, teamName: 'Riverside' });
    expect(toTimelineItem(other)).toEqual({
      kind: 'session',
      id: 'x',
      date: '2026-03-02T17:00:00.000Z',
      type: 'support_group',
      teamName: 'Riverside',
      summary: 'Support group · Riverside',
      snippet: null,
      openable: false,
    });
    // Even if its notes were read, they never reach the item.
    expect(toTimelineItem({ ...other, body: 'Private notes' }).snippet).toBeNull();
  });

  it('writes dates in the organisation’s locale', () => {
    const late = row({ kind: 'advocacy', b: 'open', dueOn: '2026-04-15', late: true });
    expect(timelineSnippet(late)).toBe('Open · due 15 Apr 2026 · past due');
    expect(timelineSnippet(late, 'en-US')).toBe('Open · due Apr 15, 2026 · past due');
  });
});

describe('escapeLike', () => {
  it('makes %, _ and \\ match themselves', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(escapeLike('plain name')).toBe('plain name');
  });
});

import type { GroupAttendance, RecurringGroup } from '@peerpath/shared';
import { createDemoTestApp, login, type TestApp } from './harness';
import { DEMO_PASSWORD } from '../src/database/seed/demo';

describe('demo data: recurring groups', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoTestApp();
  });
  afterAll(() => t.close());

  it('gives each team its weekly groups, with rosters and their past meetings linked', async () => {
    const alex = await login(t, 'alex.rivera@northside.example', DEMO_PASSWORD);
    const chris = await login(t, 'chris.delgado@riverside.example', DEMO_PASSWORD);
    const names = async (token: string) => {
      const res = await t.request('GET', '/api/groups', { token });
      expect(res.status).toBe(200);
      return res.body.items as RecurringGroup[];
    };
    const north = await names(alex);
    expect(north.map((g) => g.name).sort()).toEqual([
      'Families and Carers Evening',
      'Monday Recovery Circle',
    ]);
    const river = await names(chris);
    expect(river.map((g) => g.name)).toEqual(['Friday Online Check-in']);

    for (const [token, g] of [
      ...north.map((g) => [alex, g] as const),
      [chris, river[0]] as const,
    ]) {
      expect(g.members.length).toBeGreaterThanOrEqual(2);
      expect(g.facilitatorIds.length).toBe(3);
      const res = await t.request('GET', `/api/groups/${g.id}/attendance`, { token });
      const a = res.body as GroupAttendance;
      expect(a.meetings.length).toBeGreaterThanOrEqual(3);
      expect(a.meetings.every((m) => m.attended >= 0)).toBe(true);
    }
    // Every linked meeting is of its group's own team and type.
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM support_session s JOIN recurring_group g ON g.id = s.group_id
        WHERE s.team_id <> g.team_id OR s.type <> g.type`,
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});

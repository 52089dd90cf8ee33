import { randomUUID } from 'node:crypto';
import { todayIn, type Participant, type RecurringGroup } from '@peerpath/shared';
import { createParticipant, createSession } from './factories/daily-loop';
import {
  createTestApp,
  seedWorld,
  tableChecksum,
  type SeededUser,
  type TestApp,
  type World,
} from './harness';

// Not UTC, so the draft's start time is proven to be in ORG_TIMEZONE.
const TZ = 'America/Chicago';
const url = '/api/groups';

/**
 * SPEC §11 recurring groups: the roster with join and leave dates, the
 * session draft, sessions carrying `groupId`, attendance over the last
 * meetings, and §1's boundary (another team's group is a 404 everywhere;
 * discharge and a move end memberships).
 */
describe('recurring groups', () => {
  let t: TestApp;
  let w: World;
  let people: Participant[];
  let b1: Participant;
  const today = () => todayIn(TZ);

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ });
    w = await seedWorld(t);
    people = [];
    for (const [firstName, lastName] of [
      ['Ada', 'Abbott'],
      ['Ben', 'Baker'],
      ['Cleo', 'Carter'],
      ['Dev', 'Dunn'],
    ]) {
      people.push(await createParticipant(t, w.workerA, { firstName, lastName }));
    }
    b1 = await createParticipant(t, w.workerB, { firstName: 'Bo', lastName: 'Other' });
  });
  afterAll(() => t.close());

  const body = (fields: Record<string, unknown> = {}) => ({
    name: 'Tuesday Recovery Circle',
    type: 'support_group',
    setting: 'community_center',
    weekday: 'tuesday',
    startTime: '18:30',
    durationMinutes: 90,
    ...fields,
  });
  async function create(who: SeededUser, fields: Record<string, unknown> = {}) {
    const res = await t.request('POST', url, { token: who.token, body: body(fields) });
    if (res.status !== 201) throw new Error(`group not created: ${res.status} ${res.text}`);
    return res.body as RecurringGroup;
  }
  async function join(who: SeededUser, groupId: string, participantId: string, joinedOn: string) {
    const res = await t.request('POST', `${url}/${groupId}/members`, {
      token: who.token,
      body: { participantId, joinedOn },
    });
    if (res.status !== 200) throw new Error(`join failed: ${res.status} ${res.text}`);
    return res.body as RecurringGroup;
  }
  const memberships = async (groupId: string) =>
    (
      await t.db.query(
        `SELECT participant_id, joined_on::text, left_on::text FROM group_membership
          WHERE group_id = $1 ORDER BY joined_on, participant_id`,
        [groupId],
      )
    ).rows;

  it('a worker starts a group they facilitate; its members join today; a retry stores nothing more', async () => {
    const id = randomUUID();
    const sent = body({ id, members: [people[1].id, people[0].id] });
    const res = await t.request('POST', url, { token: w.workerA.token, body: sent });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id,
      teamId: w.teamA.id,
      name: 'Tuesday Recovery Circle',
      type: 'support_group',
      setting: 'community_center',
      weekday: 'tuesday',
      startTime: '18:30',
      durationMinutes: 90,
      facilitatorIds: [w.workerA.id],
      members: [people[0].id, people[1].id],
      memberships: [people[0].id, people[1].id]
        .sort()
        .map((participantId) => ({ participantId, joinedOn: today(), leftOn: null })),
      active: true,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(
      `SELECT team_id, name, weekday, start_time, facilitator_ids FROM recurring_group WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        team_id: w.teamA.id,
        name: 'Tuesday Recovery Circle',
        weekday: 'tuesday',
        start_time: '18:30',
        facilitator_ids: [w.workerA.id],
      },
    ]);
    expect(await memberships(id)).toEqual(
      [people[0].id, people[1].id]
        .sort()
        .map((p) => ({ participant_id: p, joined_on: today(), left_on: null })),
    );

    const again = await t.request('POST', url, { token: w.workerA.token, body: sent });
    expect([again.status, again.body]).toEqual([200, res.body]);
    const differs = await t.request('POST', url, {
      token: w.workerA.token,
      body: { ...sent, startTime: '19:00' },
    });
    expect([differs.status, differs.body.errors]).toEqual([
      409,
      { startTime: [expect.any(String)] },
    ]);
    expect(await memberships(id)).toHaveLength(2);
    const audit = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'group' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'read']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const tables = ['recurring_group', 'group_membership'];
    const before = await Promise.all(tables.map((x) => tableChecksum(t, x)));
    for (const [fields, field] of [
      [{ name: '  ' }, 'name'],
      [{ type: 'one_to_one_mentoring' }, 'type'],
      [{ setting: 'park' }, 'setting'],
      [{ weekday: 'tue' }, 'weekday'],
      [{ startTime: '24:00' }, 'startTime'],
      [{ startTime: '7:30' }, 'startTime'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: 721 }, 'durationMinutes'],
      [{ facilitatorIds: ['nope'] }, 'facilitatorIds'],
      [{ facilitatorIds: [w.workerA.id, w.workerB.id] }, 'facilitatorIds'],
      [{ members: [people[0].id, people[0].id] }, 'members'],
      [{ members: [people[0].id, b1.id] }, 'members.1'],
      [{ colour: 'blue' }, 'colour'],
    ] as const) {
      const res = await t.request('POST', url, { token: w.workerA.token, body: body(fields) });
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([
        400,
        expect.arrayContaining([field]),
      ]);
    }
    // A worker's group names them as a facilitator; a worker of the team cannot be left off by them.
    const notMine = await t.request('POST', url, {
      token: w.workerA.token,
      body: body({ facilitatorIds: [w.workerA2.id] }),
    });
    expect(notMine.status).toBe(403);
    // An admin names the team.
    const noTeam = await t.request('POST', url, { token: w.admin.token, body: body() });
    expect([noTeam.status, Object.keys(noTeam.body.errors)]).toEqual([400, ['teamId']]);
    expect(await Promise.all(tables.map((x) => tableChecksum(t, x)))).toEqual(before);
  });

  it('lists the team’s groups with filters; another team’s group is a 404 everywhere', async () => {
    const stopped = await create(w.supA, {
      name: 'Friday Art Group',
      active: false,
      facilitatorIds: [w.workerA2.id],
    });
    const theirs = await create(w.workerB, { name: 'Bea’s Circle' });
    const list = async (who: SeededUser, query = '') => {
      const res = await t.request('GET', `${url}?pageSize=100${query}`, { token: who.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: expect.any(Array),
        total: res.body.items.length,
        page: 1,
        pageSize: 100,
      });
      return (res.body.items as RecurringGroup[]).map((g) => g.id);
    };
    const wes = await list(w.workerA);
    expect(wes).toContain(stopped.id);
    expect(wes).not.toContain(theirs.id);
    expect(await list(w.supA, '&active=false')).toEqual([stopped.id]);
    expect(await list(w.supA, '&active=true')).not.toContain(stopped.id);
    expect(await list(w.supB)).toEqual([theirs.id]);
    expect(await list(w.admin, `&teamId=${w.teamB.id}`)).toEqual([theirs.id]);
    expect(await list(w.admin)).toEqual(expect.arrayContaining([stopped.id, theirs.id]));
    const cross = await t.request('GET', `${url}?teamId=${w.teamA.id}`, { token: w.workerB.token });
    expect(cross.status).toBe(404);

    for (const path of ['', '/session-draft?date=2026-03-10', '/attendance']) {
      const res = await t.request('GET', `${url}/${stopped.id}${path}`, { token: w.supB.token });
      expect([path, res.status, JSON.stringify(res.body)]).toEqual([
        path,
        404,
        expect.not.stringContaining('Friday'),
      ]);
      const mine = await t.request('GET', `${url}/${stopped.id}${path}`, {
        token: w.workerA.token,
      });
      expect([path, mine.status]).toEqual([path, 200]);
    }
    const patch = await t.request('PATCH', `${url}/${stopped.id}`, {
      token: w.supB.token,
      body: { version: 1, name: 'Taken' },
    });
    expect(patch.status).toBe(404);
    const denied = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access_denied' AND entity_id = $1`,
      [stopped.id],
    );
    expect(denied.rows[0].n).toBe(4);
  });

  it('changes with the version read (stale 409); members sent are the new roster; who may change', async () => {
    const g = await create(w.workerA, { members: [people[0].id, people[1].id] });
    // Win does not facilitate it: a worker changes only the groups they facilitate.
    const win = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.workerA2.token,
      body: { version: 1, name: 'Mine now' },
    });
    expect(win.status).toBe(403);
    const res = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.workerA.token,
      body: { version: 1, startTime: '19:00', members: [people[1].id, people[2].id] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 2,
      startTime: '19:00',
      members: [people[1].id, people[2].id],
    });
    expect(await memberships(g.id)).toEqual(
      expect.arrayContaining([
        { participant_id: people[0].id, joined_on: today(), left_on: today() },
        { participant_id: people[1].id, joined_on: today(), left_on: null },
        { participant_id: people[2].id, joined_on: today(), left_on: null },
      ]),
    );
    const stale = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.supA.token,
      body: { version: 1, name: 'Late' },
    });
    expect([stale.status, stale.body.errors]).toEqual([409, { version: [expect.any(String)] }]);
    const missing = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.supA.token,
      body: { name: 'No version' },
    });
    expect([missing.status, Object.keys(missing.body.errors)]).toEqual([400, ['version']]);
    const bad = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.supA.token,
      body: { version: 2, weekday: 'someday' },
    });
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, ['weekday']]);
    // A worker cannot move a group to another team.
    const move = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.supA.token,
      body: { version: 2, teamId: w.teamB.id },
    });
    expect(move.status).toBe(403);
    const sup = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.supA.token,
      body: { version: 2, facilitatorIds: [w.workerA.id, w.workerA2.id] },
    });
    expect([sup.status, sup.body.facilitatorIds]).toEqual([200, [w.workerA.id, w.workerA2.id]]);
    const admin = await t.request('PATCH', `${url}/${g.id}`, {
      token: w.admin.token,
      body: { version: 3, active: false },
    });
    expect([admin.status, admin.body.active, admin.body.version]).toEqual([200, false, 4]);
    const audit = await t.db.query(
      `SELECT actor_id, details FROM audit_event WHERE entity_type = 'group' AND entity_id = $1 AND action = 'update' ORDER BY seq`,
      [g.id],
    );
    expect(audit.rows).toEqual([
      { actor_id: w.workerA.id, details: { fields: ['startTime', 'members'] } },
      { actor_id: w.supA.id, details: { fields: ['facilitatorIds'] } },
      { actor_id: w.admin.id, details: { fields: ['active'] } },
    ]);
  });

  it('members join and leave with dates; a repeat answers the group as it is', async () => {
    const g = await create(w.workerA);
    await join(w.workerA, g.id, people[3].id, '2026-02-03');
    const again = await join(w.workerA, g.id, people[3].id, '2026-02-10');
    expect(again.memberships).toEqual([
      { participantId: people[3].id, joinedOn: '2026-02-03', leftOn: null },
    ]);
    const early = await t.request('POST', `${url}/${g.id}/members/${people[3].id}/leave`, {
      token: w.workerA.token,
      body: { leftOn: '2026-02-02' },
    });
    expect([early.status, Object.keys(early.body.errors)]).toEqual([400, ['leftOn']]);
    const left = await t.request('POST', `${url}/${g.id}/members/${people[3].id}/leave`, {
      token: w.workerA.token,
      body: { leftOn: '2026-03-03' },
    });
    expect([left.status, left.body.members, left.body.memberships]).toEqual([
      200,
      [],
      [{ participantId: people[3].id, joinedOn: '2026-02-03', leftOn: '2026-03-03' }],
    ]);
    const repeat = await t.request('POST', `${url}/${g.id}/members/${people[3].id}/leave`, {
      token: w.workerA.token,
      body: {},
    });
    expect([repeat.status, repeat.body.memberships]).toEqual([200, left.body.memberships]);
    const tooEarly = await t.request('POST', `${url}/${g.id}/members`, {
      token: w.workerA.token,
      body: { participantId: people[3].id, joinedOn: '2026-03-01' },
    });
    expect([tooEarly.status, Object.keys(tooEarly.body.errors)]).toEqual([400, ['joinedOn']]);
    const back = await join(w.workerA, g.id, people[3].id, '2026-04-07');
    expect(back.memberships).toEqual([
      { participantId: people[3].id, joinedOn: '2026-02-03', leftOn: '2026-03-03' },
      { participantId: people[3].id, joinedOn: '2026-04-07', leftOn: null },
    ]);
    const other = await t.request('POST', `${url}/${g.id}/members`, {
      token: w.workerA.token,
      body: { participantId: b1.id },
    });
    expect([other.status, Object.keys(other.body.errors)]).toEqual([400, ['participantId']]);
    const never = await t.request('POST', `${url}/${g.id}/members/${people[0].id}/leave`, {
      token: w.workerA.token,
      body: {},
    });
    expect([never.status, Object.keys(never.body.errors)]).toEqual([400, ['participantId']]);
    const bea = await t.request('POST', `${url}/${g.id}/members`, {
      token: w.workerB.token,
      body: { participantId: b1.id },
    });
    expect(bea.status).toBe(404);
    expect(await memberships(g.id)).toEqual([
      { participant_id: people[3].id, joined_on: '2026-02-03', left_on: '2026-03-03' },
      { participant_id: people[3].id, joined_on: '2026-04-07', left_on: null },
    ]);
  });

  it('drafts a session: the date at the start time in ORG_TIMEZONE, every member of that day attended', async () => {
    const g = await create(w.workerA, { name: 'Evening Circle', startTime: '18:30' });
    await join(w.workerA, g.id, people[2].id, '2026-01-06');
    await join(w.workerA, g.id, people[0].id, '2026-01-06');
    await join(w.workerA, g.id, people[1].id, '2026-03-17'); // joins after the draft's day
    const res = await t.request('GET', `${url}/${g.id}/session-draft?date=2026-03-10`, {
      token: w.workerA.token,
    });
    expect(res.status).toBe(200);
    // 18:30 in Chicago on 10 March 2026 (daylight time from 8 March: UTC-5).
    expect(res.body).toEqual({
      type: 'support_group',
      setting: 'community_center',
      startsAt: '2026-03-10T23:30:00.000Z',
      durationMinutes: 90,
      title: 'Evening Circle',
      facilitatorId: w.workerA.id,
      teamId: w.teamA.id,
      attendance: [
        { participantId: people[0].id, status: 'attended' },
        { participantId: people[2].id, status: 'attended' },
      ],
      groupId: g.id,
    });
    const winter = await t.request('GET', `${url}/${g.id}/session-draft?date=2026-03-03`, {
      token: w.supA.token,
    });
    expect([winter.body.startsAt, winter.body.facilitatorId]).toEqual([
      '2026-03-04T00:30:00.000Z',
      w.workerA.id,
    ]);
    const bad = await t.request('GET', `${url}/${g.id}/session-draft?date=2026-02-30`, {
      token: w.workerA.token,
    });
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, ['date']]);

    // The draft is a session body as it is.
    const logged = await t.request('POST', '/api/sessions', {
      token: w.workerA.token,
      body: res.body,
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ groupId: g.id, startsAt: '2026-03-10T23:30:00.000Z' });
    const { rows } = await t.db.query(`SELECT group_id FROM support_session WHERE id = $1`, [
      logged.body.id,
    ]);
    expect(rows).toEqual([{ group_id: g.id }]);
  });

  it('a session names only a group of its own team, and only as a group session', async () => {
    const mine = await create(w.workerA);
    const theirs = await create(w.workerB);
    const before = await tableChecksum(t, 'support_session');
    for (const fields of [
      { groupId: theirs.id },
      { groupId: randomUUID() },
      { groupId: mine.id, type: 'one_to_one_mentoring' },
    ]) {
      const res = await t.request('POST', '/api/sessions', {
        token: w.workerA.token,
        body: {
          type: 'support_group',
          setting: 'community_center',
          startsAt: '2026-03-10T23:30:00Z',
          durationMinutes: 60,
          attendance: [{ participantId: people[0].id, status: 'attended' }],
          ...fields,
        },
      });
      expect([res.status, Object.keys(res.body.errors)]).toEqual([400, ['groupId']]);
    }
    expect(await tableChecksum(t, 'support_session')).toBe(before);
    const s = await createSession(t, w.workerA, [people[0].id]);
    expect(s.groupId).toBeNull();
    const patched = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.workerA.token,
      body: { version: s.version, groupId: mine.id },
    });
    expect([patched.status, patched.body.groupId]).toEqual([200, mine.id]);
    const refused = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.workerA.token,
      body: { version: s.version + 1, groupId: theirs.id },
    });
    expect([refused.status, Object.keys(refused.body.errors)]).toEqual([400, ['groupId']]);
    const { rows } = await t.db.query(`SELECT group_id FROM support_session WHERE id = $1`, [s.id]);
    expect(rows).toEqual([{ group_id: mine.id }]);
  });

  it('attendance over the last meetings and who has not been seen for three (hand-computed)', async () => {
    const g = await create(w.workerA, { name: 'Counted Circle' });
    for (const p of people) await join(w.workerA, g.id, p.id, '2026-01-06');
    const [ada, ben, cleo, dev] = people.map((p) => p.id);
    const meeting = (startsAt: string, rows: [string, string][]) =>
      t.request('POST', '/api/sessions', {
        token: w.workerA.token,
        body: {
          type: 'support_group',
          setting: 'community_center',
          startsAt,
          durationMinutes: 90,
          groupId: g.id,
          attendance: rows.map(([participantId, status]) => ({ participantId, status })),
        },
      });
    // Four meetings; the last three: Ada every time, Ben once (the 2nd), Cleo never, Dev excused.
    const m1 = await meeting('2026-02-04T00:30:00Z', [
      [ada, 'attended'],
      [cleo, 'attended'],
      [dev, 'attended'],
    ]);
    const m2 = await meeting('2026-02-11T00:30:00Z', [
      [ada, 'attended'],
      [cleo, 'absent'],
    ]);
    const m3 = await meeting('2026-02-18T00:30:00Z', [
      [ada, 'attended'],
      [ben, 'attended'],
      [dev, 'excused'],
    ]);
    const m4 = await meeting('2026-02-25T00:30:00Z', [[ada, 'attended']]);
    // A voided meeting counts nowhere.
    const voided = await meeting('2026-03-04T00:30:00Z', [[cleo, 'attended']]);
    for (const r of [m1, m2, m3, m4, voided]) expect(r.status).toBe(201);
    const del = await t.request('DELETE', `/api/sessions/${voided.body.id}?reason=Logged%20twice`, {
      token: w.workerA.token,
    });
    expect(del.status).toBe(204);
    // Someone of another team's group is not counted.
    const res = await t.request('GET', `${url}/${g.id}/attendance`, { token: w.workerA.token });
    expect(res.status).toBe(200);
    // Starts at 18:30 Chicago time, the evening before in UTC terms it is the next day.
    expect(res.body).toEqual({
      groupId: g.id,
      meetings: [
        { sessionId: m1.body.id, date: '2026-02-03', attended: 3 },
        { sessionId: m2.body.id, date: '2026-02-10', attended: 1 },
        { sessionId: m3.body.id, date: '2026-02-17', attended: 2 },
        { sessionId: m4.body.id, date: '2026-02-24', attended: 1 },
      ],
      notSeenForThree: [cleo, dev],
    });
    const two = await t.request('GET', `${url}/${g.id}/attendance?meetings=2`, {
      token: w.supA.token,
    });
    expect(two.body.meetings.map((m: { sessionId: string }) => m.sessionId)).toEqual([
      m3.body.id,
      m4.body.id,
    ]);
    const tooMany = await t.request('GET', `${url}/${g.id}/attendance?meetings=0`, {
      token: w.supA.token,
    });
    expect([tooMany.status, Object.keys(tooMany.body.errors)]).toEqual([400, ['meetings']]);
  });

  it('discharge ends a person’s memberships on the discharge date; a move ends them in the old team', async () => {
    const leaving = await createParticipant(t, w.workerA, {
      firstName: 'Lee',
      lastName: 'Leaving',
      enrolledOn: '2026-01-02',
    });
    const moving = await createParticipant(t, w.workerA, { firstName: 'Mo', lastName: 'Moving' });
    const g = await create(w.workerA);
    await join(w.workerA, g.id, leaving.id, '2026-01-06');
    await join(w.workerA, g.id, moving.id, '2026-01-06');
    const d = await t.request('PATCH', `/api/participants/${leaving.id}`, {
      token: w.workerA.token,
      body: { version: leaving.version, status: 'discharged', dischargedOn: '2026-03-20' },
    });
    expect(d.status).toBe(200);
    const m = await t.request('PATCH', `/api/participants/${moving.id}`, {
      token: w.admin.token,
      body: { version: moving.version, teamId: w.teamB.id, primaryWorkerId: null },
    });
    expect(m.status).toBe(200);
    expect(await memberships(g.id)).toEqual(
      [
        { participant_id: leaving.id, joined_on: '2026-01-06', left_on: '2026-03-20' },
        { participant_id: moving.id, joined_on: '2026-01-06', left_on: today() },
      ].sort((x, y) => x.participant_id.localeCompare(y.participant_id)),
    );
    const after = await t.request('GET', `${url}/${g.id}`, { token: w.workerA.token });
    expect(after.body.members).toEqual([]);
    // A discharged person cannot join.
    const rejoin = await t.request('POST', `${url}/${g.id}/members`, {
      token: w.workerA.token,
      body: { participantId: leaving.id, joinedOn: '2026-04-01' },
    });
    expect([rejoin.status, Object.keys(rejoin.body.errors)]).toEqual([400, ['participantId']]);
  });

  it('the agenda carries the groups the worker facilitates meeting that day, until the meeting is logged', async () => {
    const g = await create(w.workerA2, { name: 'Wednesday Walk and Talk', weekday: 'wednesday' });
    const agenda = async (date: string) => {
      const res = await t.request('GET', `/api/agenda?date=${date}`, { token: w.workerA2.token });
      expect(res.status).toBe(200);
      return (res.body.items as { kind: string }[]).filter((i) => i.kind === 'group_meeting');
    };
    expect(await agenda('2026-03-11')).toEqual([
      {
        kind: 'group_meeting',
        dueOn: '2026-03-11',
        participantId: null,
        participantName: null,
        title: 'Wednesday Walk and Talk',
        link: `/groups/${g.id}`,
        recordId: g.id,
      },
    ]);
    expect(await agenda('2026-03-12')).toEqual([]);
    // Wes does not facilitate it, and Bea is of another team.
    const wes = await t.request('GET', '/api/agenda?date=2026-03-11', { token: w.workerA.token });
    expect(JSON.stringify(wes.body)).not.toContain(g.id);
    const draft = await t.request('GET', `${url}/${g.id}/session-draft?date=2026-03-11`, {
      token: w.workerA2.token,
    });
    await join(w.workerA2, g.id, people[0].id, '2026-01-06');
    const logged = await t.request('POST', '/api/sessions', {
      token: w.workerA2.token,
      body: { ...draft.body, attendance: [{ participantId: people[0].id, status: 'attended' }] },
    });
    expect(logged.status).toBe(201);
    expect(await agenda('2026-03-11')).toEqual([]);
    expect(await agenda('2026-03-18')).toHaveLength(1);
  });
});

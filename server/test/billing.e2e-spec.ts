import { billingUnits, type ClaimLine } from '@peerpath/shared';
import { DEMO_PASSWORD } from '../src/database/seed/demo';
import {
  createDemoTestApp,
  createTestApp,
  login,
  seedWorld,
  type TestApp,
  type World,
} from './harness';

/**
 * SPEC §13 billing: profiles (admin), coverage, claim lines with both
 * rounding rules, every block reason, the daily cap cut in session order,
 * the team boundary, totals computed by hand, batches and what they lock.
 */
describe('billing', () => {
  let t: TestApp;
  let w: World;
  const profiles: Record<string, string> = {};

  const post = (path: string, token: string, body: unknown) =>
    t.request('POST', path, { token, body });
  const get = (path: string, token: string) => t.request('GET', path, { token });

  const addProfile = async (key: string, body: Record<string, unknown>) => {
    const res = await post('/api/billing/profiles', w.admin.token, {
      name: `Payer ${key}`,
      code: 'H0038',
      rounding: 'eight_minute',
      ...body,
    });
    expect(res.status).toBe(201);
    profiles[key] = res.body.id;
    return res.body;
  };

  /** A participant of team A, covered by a profile (or not). */
  const person = async (name: string, profile?: string) => {
    const res = await post('/api/participants', w.supA.token, {
      firstName: name,
      lastName: 'Rivera',
      ...(profile ? { coverage: { profileId: profiles[profile], memberId: `M-${name}` } } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** A session logged by `token`'s user; every attendee `attended`. */
  const session = async (
    token: string,
    startsAt: string,
    minutes: number,
    attendees: string[],
    extra: Record<string, unknown> = {},
  ) => {
    const res = await post('/api/sessions', token, {
      type: attendees.length > 1 ? 'support_group' : 'one_to_one_mentoring',
      setting: 'clinic',
      startsAt,
      durationMinutes: minutes,
      attendance: attendees.map((participantId) => ({ participantId, status: 'attended' })),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** A note for the attendee, straight into the table: `draft`, `signed` or `cosigned`. */
  const note = async (sessionId: string, participantId: string, status: string) => {
    const { rows } = await t.db.query(
      `INSERT INTO session_note (team_id, session_id, participant_id, format, sections, status,
                                 signed_at, signed_by_id, cosigned_at, cosigned_by_id)
       SELECT s.team_id, s.id, $2, 'free', '{"text":"Talked through the week"}', $3::varchar,
              CASE WHEN $3::varchar <> 'draft' THEN now() END, CASE WHEN $3::varchar <> 'draft' THEN s.facilitator_id END,
              CASE WHEN $3::varchar = 'cosigned' THEN now() END, CASE WHEN $3::varchar = 'cosigned' THEN $4::uuid END
         FROM support_session s WHERE s.id = $1 RETURNING id`,
      [sessionId, participantId, status, w.supA.id],
    );
    return rows[0].id as string;
  };

  const plan = (participantId: string, activatedOn: string, supersededOn: string | null = null) =>
    t.db.query(
      `INSERT INTO recovery_plan (team_id, participant_id, version_no, status, wellness,
                                  activated_on, superseded_on, created_by_id)
       SELECT team_id, id, 1, $3, '{}', $2::date, $4::date, $5 FROM participant WHERE id = $1`,
      [participantId, activatedOn, supersededOn ? 'superseded' : 'active', supersededOn, w.supA.id],
    );

  const lines = async (
    kind: 'claims' | 'blocked',
    from: string,
    to = from,
    token = w.supA.token,
  ) => {
    const res = await get(`/api/billing/${kind}?from=${from}&to=${to}`, token);
    expect(res.status).toBe(200);
    return res.body as {
      items: ClaimLine[];
      totals: { lines: number; units: number; amount: number | null };
    };
  };
  const of = (items: ClaimLine[], participantId: string) =>
    items.filter((l) => l.participantId === participantId);

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    await t.db.query(
      `UPDATE app_user SET credential = 'Certified Peer Recovery Specialist', credential_expires_on = '2030-01-01' WHERE id = $1`,
      [w.workerA.id],
    );
    await t.db.query(
      `UPDATE app_user SET credential = 'Peer Specialist', credential_expires_on = '2026-01-31' WHERE id = $1`,
      [w.workerA2.id],
    );
    await addProfile('base', {
      modifiers: ['U1'],
      groupModifier: 'HQ',
      maxUnitsPerDay: 16,
      maxGroupSize: 3,
      unitRate: 17.5,
    });
    await addProfile('cosign', { requiresCosign: true });
    await addProfile('plan', { requiresActivePlan: true });
    await addProfile('credential', { requiresCredential: true });
    await addProfile('floor', { rounding: 'floor15' });
    await addProfile('eight', { rounding: 'eight_minute' });
  });
  afterAll(() => t.close());

  describe('profiles', () => {
    it('an admin adds, reads and changes a profile; the row agrees; workers and supervisors are refused', async () => {
      const created = await post('/api/billing/profiles', w.admin.token, {
        name: 'County plan',
        code: 'h0038',
        modifiers: ['u1', 'U2'],
        groupModifier: 'hq',
        rounding: 'floor15',
        maxUnitsPerDay: 8,
        unitRate: 12.25,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: 'H0038',
        modifiers: ['U1', 'U2'],
        groupModifier: 'HQ',
        rounding: 'floor15',
        maxUnitsPerDay: 8,
        maxGroupSize: null,
        requiresActivePlan: false,
        requiresCosign: false,
        requiresCredential: false,
        unitRate: 12.25,
        active: true,
        version: 1,
      });
      const id = created.body.id;
      const changed = await t.request('PATCH', `/api/billing/profiles/${id}`, {
        token: w.admin.token,
        body: { version: 1, requiresCosign: true, unitRate: null },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ requiresCosign: true, unitRate: null, version: 2 });
      const stale = await t.request('PATCH', `/api/billing/profiles/${id}`, {
        token: w.admin.token,
        body: { version: 1, active: false },
      });
      expect(stale.status).toBe(409);
      const { rows } = await t.db.query(
        `SELECT requires_cosign, unit_rate, active, version FROM billing_profile WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ requires_cosign: true, unit_rate: null, active: true, version: 2 });
      expect((await get(`/api/billing/profiles/${id}`, w.admin.token)).body.id).toBe(id);
      const list = await get('/api/billing/profiles', w.admin.token);
      expect(list.body.items.map((p: { id: string }) => p.id)).toContain(id);
      // Workers and supervisors list the active profiles only (to choose coverage from).
      const off = await t.request('PATCH', `/api/billing/profiles/${id}`, {
        token: w.admin.token,
        body: { version: 2, active: false },
      });
      expect(off.status).toBe(200);
      const staffList = await get('/api/billing/profiles', w.supA.token);
      expect(staffList.status).toBe(200);
      expect(staffList.body.items.length).toBeGreaterThan(0);
      expect(staffList.body.items.every((p: { active: boolean }) => p.active)).toBe(true);
      expect(staffList.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
      expect((await get('/api/billing/profiles', w.workerA.token)).status).toBe(200);
      expect((await get(`/api/billing/profiles/${id}`, w.supA.token)).status).toBe(403);
      expect(
        (
          await post('/api/billing/profiles', w.workerA.token, {
            name: 'x',
            code: 'H0038',
            rounding: 'floor15',
          })
        ).status,
      ).toBe(403);
    });

    it('refuses more than four modifiers with the group modifier, and bad fields, naming the field and storing nothing', async () => {
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM billing_profile`)).rows[0].n;
      const five = await post('/api/billing/profiles', w.admin.token, {
        name: 'Too many',
        code: 'H0038',
        rounding: 'floor15',
        modifiers: ['U1', 'U2', 'U3', 'U4'],
        groupModifier: 'HQ',
      });
      expect(five.status).toBe(400);
      expect(five.body.errors).toHaveProperty('modifiers');
      for (const [field, body] of [
        ['rounding', { rounding: 'ceil15' }],
        ['modifiers', { modifiers: ['U1', 'U2', 'U3', 'U4', 'U5'] }],
        ['groupModifier', { groupModifier: 'HQX' }],
        ['unitRate', { unitRate: 1.234 }],
        ['maxUnitsPerDay', { maxUnitsPerDay: 0 }],
        ['code', { code: '' }],
      ] as const) {
        const res = await post('/api/billing/profiles', w.admin.token, {
          name: 'Bad',
          code: 'H0038',
          rounding: 'floor15',
          ...body,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty(field);
      }
      const patch = await t.request('PATCH', `/api/billing/profiles/${profiles.base}`, {
        token: w.admin.token,
        body: { version: 1, modifiers: ['U1', 'U2', 'U3', 'U4'] },
      });
      expect(patch.status).toBe(400);
      expect(patch.body.errors).toHaveProperty('modifiers');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM billing_profile`)).rows[0].n).toBe(
        before,
      );
    });

    it('coverage is set, shown and cleared on the participant; an unknown or inactive profile is a 400 naming it', async () => {
      const id = await person('Cove', 'base');
      const read = await get(`/api/participants/${id}`, w.supA.token);
      expect(read.body.coverage).toEqual({ profileId: profiles.base, memberId: 'M-Cove' });
      const inactive = await addProfile('inactive', { active: false });
      const bad = await t.request('PATCH', `/api/participants/${id}`, {
        token: w.supA.token,
        body: { version: read.body.version, coverage: { profileId: inactive.id, memberId: 'X' } },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toHaveProperty(['coverage.profileId']);
      const unknown = await post('/api/participants', w.supA.token, {
        firstName: 'Nobody',
        lastName: 'Rivera',
        coverage: { profileId: '00000000-0000-4000-8000-000000000000', memberId: 'X' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toHaveProperty(['coverage.profileId']);
      const cleared = await t.request('PATCH', `/api/participants/${id}`, {
        token: w.supA.token,
        body: { version: read.body.version, coverage: null },
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.coverage).toBeNull();
      const { rows } = await t.db.query(
        `SELECT coverage_profile_id, coverage_member_id FROM participant WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ coverage_profile_id: null, coverage_member_id: null });
    });
  });

  describe('units', () => {
    const MINUTES = [0, 7, 8, 22, 23, 37, 38, 60, 720];

    it('the shared rule: floor15 and eight_minute', () => {
      expect(MINUTES.map((m) => billingUnits(m, 'floor15'))).toEqual([0, 0, 0, 1, 1, 2, 2, 4, 48]);
      expect(MINUTES.map((m) => billingUnits(m, 'eight_minute'))).toEqual([
        0, 0, 1, 1, 2, 2, 3, 4, 48,
      ]);
    });

    it('the SQL computes the same units as claim lines, for both rules', async () => {
      const floor = await person('Floor', 'floor');
      const eight = await person('Eight', 'eight');
      // Sessions last 1–720 minutes: 0 minutes is the shared rule's alone.
      const day = '2026-02-02';
      for (const [i, m] of MINUTES.slice(1).entries()) {
        const s = await session(
          w.workerA.token,
          `${day}T${String(8 + i).padStart(2, '0')}:00:00Z`,
          m,
          [floor, eight],
        );
        await note(s, floor, 'signed');
        await note(s, eight, 'signed');
      }
      const all = [...(await lines('claims', day)).items, ...(await lines('blocked', day)).items];
      const raw = (id: string) =>
        all
          .filter((l) => l.participantId === id)
          .sort((a, b) => a.rawUnits - b.rawUnits)
          .map((l) => l.rawUnits);
      expect(raw(floor)).toEqual([0, 0, 1, 1, 2, 2, 4, 48]);
      expect(raw(eight)).toEqual([0, 1, 1, 2, 2, 3, 4, 48]);
      // 7 minutes is blocked under both rules, 8 only under floor15.
      const blocked = (await lines('blocked', day)).items;
      expect(of(blocked, floor).map((l) => l.reasons)).toEqual([['zero_units'], ['zero_units']]);
      expect(of(blocked, eight).map((l) => l.reasons)).toEqual([['zero_units']]);
    });
  });

  describe('lines', () => {
    it('a billable line carries every field; totals are computed by hand', async () => {
      const id = await person('Bill', 'base');
      const one = await session(w.workerA.token, '2026-02-10T09:00:00Z', 50, [id], {
        setting: 'home_visit',
      });
      const n1 = await note(one, id, 'signed');
      const other = await person('Bell', 'base');
      const group = await session(w.workerA.token, '2026-02-10T13:00:00Z', 90, [id, other], {
        setting: 'online',
      });
      const n2 = await note(group, id, 'cosigned');
      await note(group, other, 'signed');
      const res = await lines('claims', '2026-02-10');
      expect(of(res.items, id)).toEqual([
        {
          sessionId: one,
          participantId: id,
          memberName: 'Bill Rivera',
          memberId: 'M-Bill',
          serviceDate: '2026-02-10',
          profileId: profiles.base,
          code: 'H0038',
          modifiers: ['U1'],
          rawUnits: 3,
          units: 3,
          amount: 52.5,
          placeOfService: '12',
          renderingWorkerId: w.workerA.id,
          renderingWorkerName: 'Wes Worker',
          credential: 'Certified Peer Recovery Specialist',
          noteId: n1,
          batchId: null,
          reasons: [],
        },
        expect.objectContaining({
          sessionId: group,
          modifiers: ['U1', 'HQ'],
          units: 6,
          amount: 105,
          placeOfService: '02',
          noteId: n2,
        }),
      ]);
      // 3 + 6 units for Bill, 6 for Bell; 15 × 17.50
      expect(res.totals).toEqual({ lines: 3, units: 15, amount: 262.5 });
      const audit = await t.db.query(
        `SELECT details FROM audit_event WHERE actor_id = $1 AND action = 'export' AND entity_type = 'billing'
          ORDER BY at DESC LIMIT 1`,
        [w.supA.id],
      );
      expect(audit.rows[0].details).toMatchObject({
        report: 'claims',
        from: '2026-02-10',
        lines: 3,
      });
    });

    it('a day of four sessions crosses the 16-unit cap: the crossing line is cut, the later one blocked', async () => {
      const id = await person('Cap', 'base');
      // Logged out of order: the cap follows the sessions' start times.
      const s3 = await session(w.workerA.token, '2026-02-11T13:00:00Z', 90, [id]); // 6 units
      const s1 = await session(w.workerA.token, '2026-02-11T08:00:00Z', 60, [id]); // 4 units
      const s4 = await session(w.workerA.token, '2026-02-11T16:00:00Z', 60, [id]); // 4 units
      const s2 = await session(w.workerA.token, '2026-02-11T10:00:00Z', 120, [id]); // 8 units
      for (const s of [s1, s2, s3, s4]) await note(s, id, 'signed');
      const claims = await lines('claims', '2026-02-11');
      expect(of(claims.items, id).map((l) => [l.sessionId, l.rawUnits, l.units])).toEqual([
        [s1, 4, 4],
        [s2, 8, 8],
        [s3, 6, 4],
      ]);
      expect(claims.totals).toEqual({ lines: 3, units: 16, amount: 280 });
      const blocked = await lines('blocked', '2026-02-11');
      expect(
        of(blocked.items, id).map((l) => [l.sessionId, l.rawUnits, l.units, l.reasons]),
      ).toEqual([[s4, 4, 0, ['daily_cap']]]);
    });

    it('the cap counts the person’s billable units that day in every team, in session order', async () => {
      const id = await person('Mover', 'base');
      // Team A in the morning: 8 + 8 units, the day's 16.
      const a1 = await session(w.workerA.token, '2026-03-18T13:00:00Z', 120, [id]);
      const a2 = await session(w.workerA.token, '2026-03-18T15:00:00Z', 120, [id]);
      await note(a1, id, 'signed');
      await note(a2, id, 'signed');
      // They move to team B at midday, whose worker sees them the same afternoon.
      const current = await get(`/api/participants/${id}`, w.admin.token);
      const moved = await t.request('PATCH', `/api/participants/${id}`, {
        token: w.admin.token,
        body: { version: current.body.version, teamId: w.teamB.id },
      });
      expect(moved.status).toBe(200);
      const b1 = await session(w.workerB.token, '2026-03-18T19:00:00Z', 60, [id]);
      await note(b1, id, 'signed');

      // Team B's line is over the day's cap: blocked, not billed a second time.
      const bClaims = await lines('claims', '2026-03-18', '2026-03-18', w.supB.token);
      expect(of(bClaims.items, id)).toEqual([]);
      const bBlocked = await lines('blocked', '2026-03-18', '2026-03-18', w.supB.token);
      expect(
        of(bBlocked.items, id).map((l) => [l.sessionId, l.rawUnits, l.units, l.reasons]),
      ).toEqual([[b1, 4, 0, ['daily_cap']]]);
      // Team A keeps its 16 units (the lines of a person who has moved on carry no participant id).
      const aClaims = await lines('claims', '2026-03-18', '2026-03-18');
      expect(
        aClaims.items
          .filter((l) => [a1, a2].includes(l.sessionId))
          .map((l) => [l.sessionId, l.units]),
      ).toEqual([
        [a1, 8],
        [a2, 8],
      ]);
      expect(aClaims.items.some((l) => l.sessionId === b1)).toBe(false);
      // The whole organisation agrees: 16 units that day, team B's line blocked.
      const all = await get('/api/billing/claims?from=2026-03-18&to=2026-03-18', w.admin.token);
      expect(
        (all.body.items as ClaimLine[])
          .filter((l) => [a1, a2, b1].includes(l.sessionId))
          .map((l) => l.units),
      ).toEqual([8, 8]);
    });

    it('only billable lines count toward the cap', async () => {
      const id = await person('Capless', 'base');
      const draft = await session(w.workerA.token, '2026-02-12T08:00:00Z', 720, [id]);
      await note(draft, id, 'draft');
      const later = await session(w.workerA.token, '2026-02-12T20:00:00Z', 60, [id]);
      await note(later, id, 'signed');
      expect(of((await lines('claims', '2026-02-12')).items, id).map((l) => l.units)).toEqual([4]);
    });

    it('every block reason, each from a fixture that produces exactly it', async () => {
      const day = '2026-02-13';
      const at = (h: number) => `${day}T${String(h).padStart(2, '0')}:00:00Z`;
      const expectOnly = async (participantId: string, reason: string) => {
        const blocked = of((await lines('blocked', day)).items, participantId);
        expect(blocked.map((l) => l.reasons)).toEqual([[reason]]);
        expect(of((await lines('claims', day)).items, participantId)).toEqual([]);
      };

      const uncovered = await person('Uncovered');
      await note(await session(w.workerA.token, at(8), 60, [uncovered]), uncovered, 'signed');
      await expectOnly(uncovered, 'no_coverage');

      const noNote = await person('Nonote', 'base');
      await session(w.workerA.token, at(8), 60, [noNote]);
      await expectOnly(noNote, 'no_note');

      const unsigned = await person('Unsigned', 'base');
      await note(await session(w.workerA.token, at(8), 60, [unsigned]), unsigned, 'draft');
      await expectOnly(unsigned, 'note_unsigned');

      const cosign = await person('Cosign', 'cosign');
      await note(await session(w.workerA.token, at(8), 60, [cosign]), cosign, 'signed');
      await expectOnly(cosign, 'awaiting_cosign');
      const cosigned = await person('Cosigned', 'cosign');
      await note(await session(w.workerA.token, at(8), 60, [cosigned]), cosigned, 'cosigned');
      expect(of((await lines('claims', day)).items, cosigned)).toHaveLength(1);

      const noPlan = await person('Noplan', 'plan');
      await note(await session(w.workerA.token, at(8), 60, [noPlan]), noPlan, 'signed');
      await plan(noPlan, '2026-02-14'); // activated the day after
      await expectOnly(noPlan, 'no_active_plan');
      const withPlan = await person('Withplan', 'plan');
      await note(await session(w.workerA.token, at(8), 60, [withPlan]), withPlan, 'signed');
      await plan(withPlan, '2026-01-05');
      expect(of((await lines('claims', day)).items, withPlan)).toHaveLength(1);

      const short = await person('Short', 'base');
      await note(await session(w.workerA.token, at(8), 7, [short]), short, 'signed');
      await expectOnly(short, 'zero_units');

      const expired = await person('Expired', 'base');
      await note(await session(w.workerA2.token, at(8), 60, [expired]), expired, 'signed');
      await expectOnly(expired, 'credential_expired');

      const noCredential = await person('Nocred', 'credential');
      await note(await session(w.supA.token, at(8), 60, [noCredential]), noCredential, 'signed');
      await expectOnly(noCredential, 'no_credential');

      const big = await Promise.all(['G1', 'G2', 'G3', 'G4'].map((n) => person(n, 'base')));
      const group = await session(w.workerA.token, at(9), 60, big);
      for (const p of big) await note(group, p, 'signed');
      for (const p of big) await expectOnly(p, 'group_too_large');

      // A voided session makes no line at all.
      const voidedPerson = await person('Voided', 'base');
      const voided = await session(w.workerA.token, at(10), 60, [voidedPerson]);
      await note(voided, voidedPerson, 'signed');
      expect(
        (
          await t.request('DELETE', `/api/sessions/${voided}?reason=Logged+twice`, {
            token: w.workerA.token,
          })
        ).status,
      ).toBe(204);
      expect(of((await lines('blocked', day)).items, voidedPerson)).toEqual([]);
      expect(of((await lines('claims', day)).items, voidedPerson)).toEqual([]);

      const byReason = (await get(`/api/billing/blocked?from=${day}&to=${day}`, w.supA.token)).body
        .byReason;
      expect(byReason).toEqual({
        no_coverage: 1,
        no_note: 1,
        note_unsigned: 1,
        awaiting_cosign: 1,
        no_active_plan: 1,
        zero_units: 1,
        credential_expired: 1,
        no_credential: 1,
        group_too_large: 4,
        daily_cap: 0,
      });
    });

    it('a worker who needs co-signature makes a signed note wait', async () => {
      await t.db.query(`UPDATE app_user SET cosign_required = true WHERE id = $1`, [w.workerA.id]);
      try {
        const id = await person('Waits', 'base');
        await note(await session(w.workerA.token, '2026-02-14T09:00:00Z', 60, [id]), id, 'signed');
        const blocked = of((await lines('blocked', '2026-02-14')).items, id);
        expect(blocked.map((l) => l.reasons)).toEqual([['awaiting_cosign']]);
      } finally {
        await t.db.query(`UPDATE app_user SET cosign_required = false WHERE id = $1`, [
          w.workerA.id,
        ]);
      }
    });
  });

  describe('access', () => {
    it('workers are refused; another team sees none of team A’s lines; a supervisor cannot name another team', async () => {
      expect(
        (await get('/api/billing/claims?from=2026-02-10&to=2026-02-10', w.workerA.token)).status,
      ).toBe(403);
      expect((await get('/api/billing/blocked', w.workerA.token)).status).toBe(403);
      const b = await lines('claims', '2026-02-01', '2026-02-28', w.supB.token);
      expect(b.items).toEqual([]);
      expect(b.totals).toEqual({ lines: 0, units: 0, amount: null });
      expect((await lines('blocked', '2026-02-01', '2026-02-28', w.supB.token)).items).toEqual([]);
      const other = await get(`/api/billing/claims?teamId=${w.teamA.id}`, w.supB.token);
      expect(other.status).toBe(403);
      const admin = await get(
        `/api/billing/claims?from=2026-02-10&to=2026-02-10&teamId=${w.teamA.id}`,
        w.admin.token,
      );
      expect(admin.body.totals.lines).toBe(3);
    });

    it('bad input is a 400 naming the field', async () => {
      for (const [query, field] of [
        ['from=2026-13-01', 'from'],
        ['to=tomorrow', 'to'],
        ['from=2026-03-02&to=2026-03-01', 'to'],
        ['teamId=nope', 'teamId'],
        ['format=xlsx', 'format'],
      ]) {
        const res = await get(`/api/billing/claims?${query}`, w.supA.token);
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty(field);
      }
    });

    it('exports CSV with the documented columns', async () => {
      const res = await get(
        '/api/billing/claims?from=2026-02-11&to=2026-02-11&format=csv',
        w.supA.token,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const rows = res.text.trim().split('\n');
      expect(rows[0]).toBe(
        'service_date,member_id,member_name,code,modifiers,units,amount,place_of_service,rendering_worker,rendering_credential,session_id,note_id',
      );
      expect(rows).toHaveLength(4);
      expect(rows[3]).toMatch(
        /^2026-02-11,M-Cap,Cap Rivera,H0038,U1,4,70\.00,11,Wes Worker,Certified Peer Recovery Specialist,/,
      );
    });
  });

  describe('batches', () => {
    it('stores billable lines once, locks their sessions, and a void frees them', async () => {
      const day = '2026-02-20';
      const id = await person('Batch', 'base');
      const s = await session(w.workerA.token, `${day}T09:00:00Z`, 60, [id]);
      await note(s, id, 'signed');
      const blockedPerson = await person('Blocked');
      await session(w.workerA.token, `${day}T11:00:00Z`, 60, [blockedPerson]);

      const made = await post('/api/billing/batches', w.supA.token, { from: day, to: day });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        teamId: w.teamA.id,
        lines: 1,
        units: 4,
        amount: 70,
        voidedAt: null,
      });
      expect(made.body.items[0]).toMatchObject({
        sessionId: s,
        memberId: 'M-Batch',
        memberName: 'Batch Rivera',
      });
      const stored = await t.db.query(
        `SELECT member_id, member_name, units, live FROM billing_claim_line WHERE batch_id = $1`,
        [made.body.id],
      );
      expect(stored.rows).toEqual([
        { member_id: 'M-Batch', member_name: 'Batch Rivera', units: 4, live: true },
      ]);
      expect(of((await lines('claims', day)).items, id)[0].batchId).toBe(made.body.id);

      // Nothing left to batch: a line is never in two batches.
      const again = await post('/api/billing/batches', w.supA.token, { from: day, to: day });
      expect(again.status).toBe(409);
      expect(
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM billing_claim_line WHERE session_id = $1`,
            [s],
          )
        ).rows[0].n,
      ).toBe(1);

      // The billed session keeps its date, minutes and attendance, and cannot be voided.
      const current = (await get(`/api/sessions/${s}`, w.workerA.token)).body;
      for (const body of [
        { durationMinutes: 90 },
        { startsAt: `${day}T10:00:00Z` },
        { attendance: [{ participantId: id, status: 'absent' }] },
      ]) {
        const res = await t.request('PATCH', `/api/sessions/${s}`, {
          token: w.workerA.token,
          body: { version: current.version, ...body },
        });
        expect(res.status).toBe(409);
      }
      const title = await t.request('PATCH', `/api/sessions/${s}`, {
        token: w.workerA.token,
        body: { version: current.version, title: 'Check-in' },
      });
      expect(title.status).toBe(200);
      const del = await t.request('DELETE', `/api/sessions/${s}?reason=Oops`, {
        token: w.supA.token,
      });
      expect(del.status).toBe(409);
      const row = await t.db.query(
        `SELECT duration_minutes, voided_at FROM support_session WHERE id = $1`,
        [s],
      );
      expect(row.rows[0]).toEqual({ duration_minutes: 60, voided_at: null });

      // The batch as CSV; another team's supervisor gets a 404.
      const csv = await get(`/api/billing/batches/${made.body.id}?format=csv`, w.supA.token);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('M-Batch,Batch Rivera,H0038,U1,4,70.00,11');
      expect((await get(`/api/billing/batches/${made.body.id}`, w.supB.token)).status).toBe(404);

      // Only an admin voids; the lines are free again.
      const refused = await post(`/api/billing/batches/${made.body.id}/void`, w.supA.token, {
        reason: 'Wrong',
      });
      expect(refused.status).toBe(403);
      const noReason = await post(`/api/billing/batches/${made.body.id}/void`, w.admin.token, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toHaveProperty('reason');
      const voided = await post(`/api/billing/batches/${made.body.id}/void`, w.admin.token, {
        reason: 'Wrong period',
      });
      expect(voided.status).toBe(200);
      expect(voided.body.voidReason).toBe('Wrong period');
      const repeat = await post(`/api/billing/batches/${made.body.id}/void`, w.admin.token, {
        reason: 'Wrong period',
      });
      expect(repeat.status).toBe(200);
      expect(
        (
          await post(`/api/billing/batches/${made.body.id}/void`, w.admin.token, {
            reason: 'Other',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await t.db.query(`SELECT live FROM billing_claim_line WHERE batch_id = $1`, [
            made.body.id,
          ])
        ).rows,
      ).toEqual([{ live: false }]);
      const next = await post('/api/billing/batches', w.supA.token, { from: day, to: day });
      expect(next.status).toBe(201);
      expect(next.body.lines).toBe(1);
      const adminNoTeam = await post('/api/billing/batches', w.admin.token, { from: day, to: day });
      expect(adminNoTeam.status).toBe(400);
      expect(adminNoTeam.body.errors).toHaveProperty('teamId');
    });
  });
});

describe('billing in the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoTestApp();
  });
  afterAll(() => t.close());

  it('has the Medicaid profile and most of Northside covered; the month’s claims add up in the database', async () => {
    const { rows } = await t.db.query(
      `SELECT bp.code, bp.group_modifier, bp.rounding, bp.max_units_per_day,
              count(p.id) FILTER (WHERE p.coverage_profile_id = bp.id)::int AS covered,
              count(p.id)::int AS people
         FROM billing_profile bp, participant p JOIN team tm ON tm.id = p.team_id
        WHERE tm.name = 'Northside Recovery Hub'
        GROUP BY bp.id`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      code: 'H0038',
      group_modifier: 'HQ',
      rounding: 'eight_minute',
      max_units_per_day: 16,
    });
    expect(rows[0].covered).toBeGreaterThan(rows[0].people / 2);
    expect(rows[0].covered).toBeLessThan(rows[0].people);
    const maya = await login(t, 'maya.okafor@northside.example', DEMO_PASSWORD);
    const claims = await t.request('GET', '/api/billing/claims', { token: maya });
    expect(claims.status).toBe(200);
    const items = claims.body.items as ClaimLine[];
    expect(claims.body.totals.lines).toBe(items.length);
    expect(claims.body.totals.units).toBe(items.reduce((n, l) => n + l.units, 0));
    const blocked = await t.request('GET', '/api/billing/blocked', { token: maya });
    expect(blocked.status).toBe(200);
    expect(blocked.body.byReason.no_coverage).toBeGreaterThan(0);
  });
});

import { randomUUID } from 'node:crypto';
import { todayIn, type SessionNote } from '@peerpath/shared';
import {
  createTestApp,
  seedUser,
  seedWorld,
  tableChecksum,
  type SeededUser,
  type TestApp,
  type World,
} from './harness';
import { auditSeq } from './support/routes';

/*
 * SPEC §8: one note per attendee per session, in the team's format, signed by
 * the facilitator alone, addenda after signing and nothing else, the late flag,
 * co-signature by a supervisor of the team (never their own note), return with
 * a comment, the queue oldest first, the caseload figures, the team boundary
 * and the move rule (a note stays with its session's team).
 */

const HOUR = 3_600_000;
const OTHER = 'Participant of another team';

describe('session notes', () => {
  let t: TestApp;
  let w: World;
  let supA2: SeededUser;
  let avery: string;
  let blake: string;
  let casey: string;
  let dana: string;
  let bea: string;
  /** A group session of team A two hours ago: Avery, Blake and Dana attended, Casey was absent. */
  let group: string;

  async function seedParticipant(teamId: string, firstName: string, workerId?: string) {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on, primary_worker_id)
       VALUES ($1, $2, 'Example', current_date - 60, $3) RETURNING id`,
      [teamId, firstName, workerId ?? null],
    );
    return rows[0].id as string;
  }

  async function session(
    token: string,
    startsAt: Date,
    attendance: { participantId: string; status: string }[],
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const res = await t.request('POST', '/api/sessions', {
      token,
      body: {
        type: attendance.length === 1 ? 'one_to_one_mentoring' : 'support_group',
        setting: 'community_center',
        startsAt: startsAt.toISOString(),
        durationMinutes: 60,
        attendance,
        ...extra,
      },
    });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  const free = (participantId: string, text = 'We talked about the week ahead.') => ({
    participantId,
    format: 'free',
    sections: { text },
  });

  async function write(token: string, sessionId: string, body: object): Promise<SessionNote> {
    const res = await t.request('POST', `/api/sessions/${sessionId}/notes`, { token, body });
    if (res.status !== 201) throw new Error(`note: ${res.status} ${res.text}`);
    return res.body;
  }

  async function stored(id: string) {
    const { rows } = await t.db.query(`SELECT * FROM session_note WHERE id = $1`, [id]);
    return rows[0];
  }

  const notes = () => tableChecksum(t, 'session_note');
  const eventsSince = async (seq: string) =>
    (
      await t.db.query(
        `SELECT action, entity_type, entity_id, participant_id, team_id, details
           FROM audit_event WHERE seq > $1 ORDER BY seq`,
        [seq],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    supA2 = await seedUser(t, { role: 'supervisor', teamId: w.teamA.id, displayName: 'Sam Sup' });
    avery = await seedParticipant(w.teamA.id, 'Avery', w.workerA.id);
    blake = await seedParticipant(w.teamA.id, 'Blake', w.workerA.id);
    casey = await seedParticipant(w.teamA.id, 'Casey', w.workerA.id);
    dana = await seedParticipant(w.teamA.id, 'Dana', w.workerA.id);
    bea = await seedParticipant(w.teamB.id, 'Bea');
    group = await session(w.workerA.token, new Date(Date.now() - 2 * HOUR), [
      { participantId: avery, status: 'attended' },
      { participantId: blake, status: 'attended' },
      { participantId: casey, status: 'absent' },
      { participantId: dana, status: 'attended' },
    ]);
  });
  afterAll(() => t.close());

  describe('writing a note', () => {
    let note: SessionNote;

    it('writes a draft for an attendee in the team’s format, and audits it', async () => {
      const seq = await auditSeq(t);
      const res = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA.token,
        body: { participantId: avery, sections: { text: '  Avery shared a good week at work.  ' } },
      });
      expect(res.status).toBe(201);
      note = res.body;
      expect(note).toMatchObject({
        sessionId: group,
        participantId: avery,
        participantName: 'Avery Example',
        teamId: w.teamA.id,
        facilitatorId: w.workerA.id,
        sessionType: 'support_group',
        format: 'free',
        sections: { text: 'Avery shared a good week at work.' },
        goalIds: [],
        status: 'draft',
        signedAt: null,
        signedById: null,
        late: false,
        cosignRequired: false,
        awaitingCosign: false,
        hoursWaited: null,
        addenda: [],
        version: 1,
      });
      const row = await stored(note.id);
      expect(row).toMatchObject({
        team_id: w.teamA.id,
        session_id: group,
        participant_id: avery,
        format: 'free',
        sections: { text: 'Avery shared a good week at work.' },
        status: 'draft',
      });
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({
          action: 'create',
          entity_type: 'session_note',
          entity_id: note.id,
          participant_id: avery,
          team_id: w.teamA.id,
        }),
      ]);
    });

    it('reads it back, audited as a read naming the person', async () => {
      const seq = await auditSeq(t);
      const res = await t.request('GET', `/api/notes/${note.id}`, { token: w.supA.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(note);
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({ action: 'read', entity_id: note.id, participant_id: avery }),
      ]);
    });

    it('allows one note per attendee per session (409, nothing written)', async () => {
      const before = await notes();
      const res = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA.token,
        body: free(avery, 'A second note'),
      });
      expect(res.status).toBe(409);
      expect(res.body.errors).toHaveProperty('participantId');
      expect(await notes()).toBe(before);
    });

    it('holds one note per attendee under two writes at once: one 201, one 409', async () => {
      const both = await Promise.all(
        [1, 2].map((i) =>
          t.request('POST', `/api/sessions/${group}/notes`, {
            token: w.workerA.token,
            body: free(dana, `Dana, draft ${i}`),
          }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM session_note WHERE session_id = $1 AND participant_id = $2`,
        [group, dana],
      );
      expect(rows[0].n).toBe(1);
    });

    it('refuses someone who did not attend: absent, not on the session, or of another team', async () => {
      const before = await notes();
      const absent = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA.token,
        body: free(casey),
      });
      expect(absent.status).toBe(400);
      expect(absent.body.errors).toHaveProperty('participantId');
      const elsewhere = await seedParticipant(w.teamA.id, 'Ellis');
      const notThere = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA.token,
        body: free(elsewhere),
      });
      expect(notThere.status).toBe(400);
      expect(notThere.body.errors).toHaveProperty('participantId');
      const otherTeam = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA.token,
        body: free(bea),
      });
      expect(otherTeam.status).toBe(404);
      expect(await notes()).toBe(before);
    });

    it('needs every section of the format, non-empty, and no other', async () => {
      const before = await notes();
      const cases: [object, string][] = [
        [
          { format: 'dap', sections: { data: 'Came in tired', plan: 'Rest' } },
          'sections.assessment',
        ],
        [
          { format: 'dap', sections: { data: 'x', assessment: '   ', plan: 'y' } },
          'sections.assessment',
        ],
        [{ format: 'free', sections: { text: 'ok', plan: 'extra' } }, 'sections.plan'],
        [{ format: 'birp', sections: { text: 'wrong format' } }, 'sections.behavior'],
        [{ format: 'soap', sections: { text: 'x' } }, 'format'],
        [{ format: 'free', sections: 'just text' }, 'sections'],
      ];
      for (const [body, field] of cases) {
        const res = await t.request('POST', `/api/sessions/${group}/notes`, {
          token: w.workerA.token,
          body: { participantId: blake, ...body },
        });
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.errors).toHaveProperty([field]);
      }
      expect(await notes()).toBe(before);
    });

    it('refuses goals that are not of the person’s plan in force on the session date', async () => {
      const res = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA.token,
        body: { ...free(blake), goalIds: [randomUUID()] },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('goalIds');
    });

    it('lets only the facilitator or a supervisor of the team write one', async () => {
      const before = await notes();
      const other = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.workerA2.token,
        body: free(blake),
      });
      expect(other.status).toBe(403);
      const teamB = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.supB.token,
        body: free(blake),
      });
      expect(teamB.status).toBe(404);
      expect(await notes()).toBe(before);
    });

    it('answers a safe retry with the stored note (200) and a different body with 409', async () => {
      const id = randomUUID();
      const body = { id, ...free(blake, 'Blake tried the breathing exercise.') };
      const first = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.supA.token,
        body,
      });
      expect(first.status).toBe(201);
      const before = await notes();
      const again = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.supA.token,
        body,
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const differs = await t.request('POST', `/api/sessions/${group}/notes`, {
        token: w.supA.token,
        body: { ...body, sections: { text: 'Something else' } },
      });
      expect(differs.status).toBe(409);
      expect(await notes()).toBe(before);
    });

    it('takes the team’s default format, which only an admin sets', async () => {
      const refused = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
        token: w.supA.token,
        body: { noteFormat: 'girp' },
      });
      expect(refused.status).toBe(403);
      const res = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
        token: w.admin.token,
        body: { noteFormat: 'girp' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: w.teamA.id, noteFormat: 'girp' });
      const one = await session(w.workerA.token, new Date(Date.now() - HOUR), [
        { participantId: blake, status: 'attended' },
      ]);
      const missing = await t.request('POST', `/api/sessions/${one}/notes`, {
        token: w.workerA.token,
        body: { participantId: blake, sections: { text: 'Free text' } },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toHaveProperty(['sections.goal']);
      const girp = await write(w.workerA.token, one, {
        participantId: blake,
        sections: {
          goal: 'Get back to the allotment on Saturdays',
          intervention: 'We planned the bus route together',
          response: 'Blake said “I can do the first bit on my own”',
          plan: 'Try it this Saturday; call me after',
        },
      });
      expect(girp.format).toBe('girp');
      expect((await stored(girp.id)).format).toBe('girp');
      await t.db.query(`UPDATE team SET note_format = 'free' WHERE id = $1`, [w.teamA.id]);
    });

    it('changes a draft: facilitator or supervisor, current version only', async () => {
      const byOther = await t.request('PATCH', `/api/notes/${note.id}`, {
        token: w.workerA2.token,
        body: { version: 1, sections: { text: 'Not mine' } },
      });
      expect(byOther.status).toBe(403);
      const byB = await t.request('PATCH', `/api/notes/${note.id}`, {
        token: w.supB.token,
        body: { version: 1, sections: { text: 'Not mine' } },
      });
      expect(byB.status).toBe(404);
      const res = await t.request('PATCH', `/api/notes/${note.id}`, {
        token: w.workerA.token,
        body: {
          version: 1,
          format: 'dap',
          sections: {
            data: 'Avery shared a good week at work.',
            assessment: 'More confident with her manager',
            plan: 'Keep the Friday check-ins',
          },
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ format: 'dap', version: 2, status: 'draft' });
      expect((await stored(note.id)).sections).toEqual({
        data: 'Avery shared a good week at work.',
        assessment: 'More confident with her manager',
        plan: 'Keep the Friday check-ins',
      });
      const formatAlone = await t.request('PATCH', `/api/notes/${note.id}`, {
        token: w.supA.token,
        body: { version: 2, format: 'birp' },
      });
      expect(formatAlone.status).toBe(400);
      expect(formatAlone.body.errors).toHaveProperty('sections');
      const stale = await t.request('PATCH', `/api/notes/${note.id}`, {
        token: w.supA.token,
        body: { version: 1, sections: { data: 'a', assessment: 'b', plan: 'c' } },
      });
      expect(stale.status).toBe(409);
      expect((await stored(note.id)).version).toBe(2);
      note = res.body;
    });

    it('is signed by the facilitator alone; signing again changes nothing', async () => {
      const before = await notes();
      for (const u of [w.workerA2, w.supA, w.admin]) {
        const res = await t.request('POST', `/api/notes/${note.id}/sign`, {
          token: u.token,
          body: {},
        });
        expect(res.status).toBe(403);
      }
      const b = await t.request('POST', `/api/notes/${note.id}/sign`, {
        token: w.workerB.token,
        body: {},
      });
      expect(b.status).toBe(404);
      expect(await notes()).toBe(before);

      const seq = await auditSeq(t);
      const res = await t.request('POST', `/api/notes/${note.id}/sign`, {
        token: w.workerA.token,
        body: { version: 2 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'signed',
        signedById: w.workerA.id,
        late: false,
        cosignRequired: false,
        awaitingCosign: false,
        version: 3,
      });
      expect(Date.now() - Date.parse(res.body.signedAt)).toBeLessThan(60_000);
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_id: note.id,
          participant_id: avery,
          details: expect.objectContaining({ status: { from: 'draft', to: 'signed' } }),
        }),
      ]);

      const signed = await notes();
      const seq2 = await auditSeq(t);
      const again = await t.request('POST', `/api/notes/${note.id}/sign`, {
        token: w.workerA.token,
        body: {},
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
      expect(await notes()).toBe(signed);
      expect(await eventsSince(seq2)).toEqual([]);

      const bySupervisor = await t.request('POST', `/api/notes/${note.id}/sign`, {
        token: w.supA.token,
        body: {},
      });
      expect(bySupervisor.status).toBe(409);
      expect(bySupervisor.body.record).toMatchObject({ id: note.id, status: 'signed' });
      note = res.body;
    });

    it('never changes once signed: PATCH is 409, only addenda are added', async () => {
      const before = await notes();
      const res = await t.request('PATCH', `/api/notes/${note.id}`, {
        token: w.workerA.token,
        body: { version: note.version, sections: { data: 'x', assessment: 'y', plan: 'z' } },
      });
      expect(res.status).toBe(409);
      expect(res.body.record).toMatchObject({ id: note.id, status: 'signed' });
      expect(await notes()).toBe(before);

      const id = randomUUID();
      const add = await t.request('POST', `/api/notes/${note.id}/addenda`, {
        token: w.workerA.token,
        body: { id, text: 'Avery called the next day: the interview went well.' },
      });
      expect(add.status).toBe(201);
      expect(add.body.addenda).toEqual([
        {
          id,
          at: expect.any(String),
          byId: w.workerA.id,
          text: 'Avery called the next day: the interview went well.',
        },
      ]);
      expect(add.body).toMatchObject({
        sections: note.sections,
        status: 'signed',
        signedAt: note.signedAt,
        version: note.version,
      });
      const row = await stored(note.id);
      expect(row.sections).toEqual(note.sections);
      expect(row.addenda).toHaveLength(1);

      const retry = await t.request('POST', `/api/notes/${note.id}/addenda`, {
        token: w.workerA.token,
        body: { id, text: 'Avery called the next day: the interview went well.' },
      });
      expect(retry.status).toBe(200);
      expect((await stored(note.id)).addenda).toHaveLength(1);

      const byOther = await t.request('POST', `/api/notes/${note.id}/addenda`, {
        token: w.workerA2.token,
        body: { text: 'Not mine to add' },
      });
      expect(byOther.status).toBe(403);
      const empty = await t.request('POST', `/api/notes/${note.id}/addenda`, {
        token: w.workerA.token,
        body: { text: '   ' },
      });
      expect(empty.status).toBe(400);
      expect(empty.body.errors).toHaveProperty('text');
    });

    it('takes no addendum on a draft (409)', async () => {
      const draft = await t.db.query(
        `SELECT id FROM session_note WHERE participant_id = $1 AND session_id = $2`,
        [dana, group],
      );
      const res = await t.request('POST', `/api/notes/${draft.rows[0].id}/addenda`, {
        token: w.workerA.token,
        body: { text: 'Too early' },
      });
      expect(res.status).toBe(409);
      expect((await stored(draft.rows[0].id)).addenda).toEqual([]);
    });
  });

  describe('the late flag', () => {
    it('is set when signed more than NOTE_LATE_HOURS (48) after the session ended', async () => {
      // Ended 49 hours ago (started 50 hours ago, 60 minutes): late.
      const old = await session(w.workerA.token, new Date(Date.now() - 50 * HOUR), [
        { participantId: avery, status: 'attended' },
      ]);
      // Ended 47 hours ago: on time.
      const recent = await session(w.workerA.token, new Date(Date.now() - 48 * HOUR), [
        { participantId: avery, status: 'attended' },
      ]);
      const late = await write(w.workerA.token, old, free(avery));
      const onTime = await write(w.workerA.token, recent, free(avery));
      const a = await t.request('POST', `/api/notes/${late.id}/sign`, {
        token: w.workerA.token,
        body: {},
      });
      const b = await t.request('POST', `/api/notes/${onTime.id}/sign`, {
        token: w.workerA.token,
        body: {},
      });
      expect([a.body.late, b.body.late]).toEqual([true, false]);
      expect((await stored(late.id)).late).toBe(true);
      expect((await stored(onTime.id)).late).toBe(false);
    });
  });

  describe('co-signature', () => {
    let waiting: SessionNote;
    let older: SessionNote;

    beforeAll(async () => {
      const res = await t.request('PATCH', `/api/users/${w.workerA2.id}`, {
        token: w.admin.token,
        body: { cosignRequired: true },
      });
      expect(res.status).toBe(200);
      expect(res.body.cosignRequired).toBe(true);
      const s1 = await session(w.workerA2.token, new Date(Date.now() - 3 * HOUR), [
        { participantId: blake, status: 'attended' },
        { participantId: dana, status: 'attended' },
      ]);
      waiting = await write(w.workerA2.token, s1, free(blake, 'Blake found the group calming.'));
      older = await write(w.workerA2.token, s1, free(dana, 'Dana led the check-in round.'));
      for (const n of [waiting, older]) {
        const signed = await t.request('POST', `/api/notes/${n.id}/sign`, {
          token: w.workerA2.token,
          body: {},
        });
        expect(signed.body).toMatchObject({
          status: 'signed',
          cosignRequired: true,
          awaitingCosign: true,
        });
      }
      // Dana's note has waited five hours, Blake's two.
      await t.db.query(
        `UPDATE session_note SET signed_at = now() - interval '5 hours' WHERE id = $1`,
        [older.id],
      );
      await t.db.query(
        `UPDATE session_note SET signed_at = now() - interval '2 hours' WHERE id = $1`,
        [waiting.id],
      );
    });

    it('only an admin sets cosignRequired', async () => {
      const res = await t.request('PATCH', `/api/users/${w.workerA.id}`, {
        token: w.supA.token,
        body: { cosignRequired: true },
      });
      expect(res.status).toBe(403);
      const { rows } = await t.db.query(`SELECT cosign_required FROM app_user WHERE id = $1`, [
        w.workerA.id,
      ]);
      expect(rows[0].cosign_required).toBe(false);
    });

    it('lists the supervisor’s queue oldest first, with hours waited', async () => {
      const seq = await auditSeq(t);
      const res = await t.request('GET', '/api/notes?awaitingCosign=true', { token: w.supA.token });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((n: SessionNote) => [n.id, n.hoursWaited])).toEqual([
        [older.id, 5],
        [waiting.id, 2],
      ]);
      expect(res.body.items[0]).toMatchObject({ participantName: 'Dana Example' });
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'session_note',
          team_id: w.teamA.id,
          details: { filters: { awaitingCosign: true } },
        }),
      ]);
      const teamB = await t.request('GET', '/api/notes?awaitingCosign=true', {
        token: w.supB.token,
      });
      expect(teamB.body).toMatchObject({ items: [], total: 0 });
    });

    it('is refused to workers, other teams, and the note’s own author', async () => {
      const before = await notes();
      expect(
        (
          await t.request('POST', `/api/notes/${waiting.id}/cosign`, {
            token: w.workerA.token,
            body: {},
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await t.request('POST', `/api/notes/${waiting.id}/cosign`, {
            token: w.supB.token,
            body: {},
          })
        ).status,
      ).toBe(404);
      // A supervisor who signs their own notes with co-signature required: never their own co-signer.
      await t.db.query(`UPDATE app_user SET cosign_required = true WHERE id = $1`, [w.supA.id]);
      const own = await session(w.supA.token, new Date(Date.now() - HOUR), [
        { participantId: casey, status: 'attended' },
      ]);
      const mine = await write(w.supA.token, own, free(casey, 'Casey came back after a break.'));
      await t.request('POST', `/api/notes/${mine.id}/sign`, { token: w.supA.token, body: {} });
      const afterSign = await notes();
      const self = await t.request('POST', `/api/notes/${mine.id}/cosign`, {
        token: w.supA.token,
        body: {},
      });
      expect(self.status).toBe(403);
      expect(await notes()).toBe(afterSign);
      const selfReturn = await t.request('POST', `/api/notes/${mine.id}/return`, {
        token: w.supA.token,
        body: { comment: 'Mine' },
      });
      expect(selfReturn.status).toBe(403);
      const other = await t.request('POST', `/api/notes/${mine.id}/cosign`, {
        token: supA2.token,
        body: {},
      });
      expect(other.status).toBe(200);
      expect(other.body).toMatchObject({ status: 'cosigned', cosignedById: supA2.id });
      await t.db.query(`UPDATE app_user SET cosign_required = false WHERE id = $1`, [w.supA.id]);
      expect(before).not.toBe(await notes());
    });

    it('co-signs: once; again by the same supervisor 200 writing nothing, by another 409', async () => {
      const seq = await auditSeq(t);
      const res = await t.request('POST', `/api/notes/${older.id}/cosign`, {
        token: w.supA.token,
        body: {},
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'cosigned',
        cosignedById: w.supA.id,
        awaitingCosign: false,
        hoursWaited: null,
      });
      const row = await stored(older.id);
      expect(row.status).toBe('cosigned');
      expect(row.cosigned_by_id).toBe(w.supA.id);
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_id: older.id,
          participant_id: dana,
          details: { status: { from: 'signed', to: 'cosigned' } },
        }),
      ]);
      const before = await notes();
      const seq2 = await auditSeq(t);
      const again = await t.request('POST', `/api/notes/${older.id}/cosign`, {
        token: w.supA.token,
        body: {},
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
      const byOther = await t.request('POST', `/api/notes/${older.id}/cosign`, {
        token: supA2.token,
        body: {},
      });
      expect(byOther.status).toBe(409);
      expect(byOther.body.record).toMatchObject({ id: older.id, cosignedById: w.supA.id });
      expect(await notes()).toBe(before);
      expect(await eventsSince(seq2)).toEqual([]);
    });

    it('refuses a co-signature a note does not need (409)', async () => {
      const { rows } = await t.db.query(
        `SELECT id FROM session_note WHERE status = 'signed' AND NOT cosign_required LIMIT 1`,
      );
      const res = await t.request('POST', `/api/notes/${rows[0].id}/cosign`, {
        token: w.supA.token,
        body: {},
      });
      expect(res.status).toBe(409);
      expect((await stored(rows[0].id)).status).toBe('signed');
    });

    it('returns a note to draft with a comment; its author changes it and signs again', async () => {
      const noComment = await t.request('POST', `/api/notes/${waiting.id}/return`, {
        token: w.supA.token,
        body: { comment: '  ' },
      });
      expect(noComment.status).toBe(400);
      expect(noComment.body.errors).toHaveProperty('comment');
      const res = await t.request('POST', `/api/notes/${waiting.id}/return`, {
        token: w.supA.token,
        body: { comment: 'Please say what Blake chose to try next.' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'draft',
        signedAt: null,
        signedById: null,
        awaitingCosign: false,
        returnedComment: 'Please say what Blake chose to try next.',
        returnedById: w.supA.id,
      });
      expect((await stored(waiting.id)).status).toBe('draft');
      const queue = await t.request('GET', '/api/notes?awaitingCosign=true', {
        token: w.supA.token,
      });
      expect(queue.body.items.map((n: SessionNote) => n.id)).not.toContain(waiting.id);

      const edited = await t.request('PATCH', `/api/notes/${waiting.id}`, {
        token: w.workerA2.token,
        body: {
          version: res.body.version,
          sections: { text: 'Blake found the group calming and chose to try the walking group.' },
        },
      });
      expect(edited.status).toBe(200);
      const signed = await t.request('POST', `/api/notes/${waiting.id}/sign`, {
        token: w.workerA2.token,
        body: { version: edited.body.version },
      });
      expect(signed.body).toMatchObject({ status: 'signed', awaitingCosign: true });
    });
  });

  describe('the caseload figures', () => {
    it('counts attended rows without a signed note, and signed notes awaiting co-signature, in SQL', async () => {
      const res = await t.request('GET', `/api/reports/caseload?asOf=${todayIn('UTC')}`, {
        token: w.supA.token,
      });
      expect(res.status).toBe(200);
      const row = (id: string) =>
        res.body.workers.find((x: { workerId: string }) => x.workerId === id);
      const { rows } = await t.db.query(
        `SELECT s.facilitator_id AS id, count(*)::int AS n
           FROM support_session s JOIN attendance a ON a.session_id = s.id
          WHERE s.team_id = $1 AND a.status = 'attended' AND s.starts_at >= current_date - 29
            AND NOT EXISTS (SELECT 1 FROM session_note n WHERE n.session_id = s.id
                              AND n.participant_id = a.participant_id AND n.status <> 'draft')
          GROUP BY 1`,
        [w.teamA.id],
      );
      const unsigned = Object.fromEntries(rows.map((r) => [r.id, r.n]));
      // workerA: the group (Blake's and Dana's notes are drafts) and the GIRP session (draft).
      expect(unsigned[w.workerA.id]).toBe(3);
      expect(row(w.workerA.id)).toMatchObject({
        notesAwaitingSignature: 3,
        notesAwaitingCosign: 0,
      });
      // workerA2: Blake's note waits for a co-signature again; Dana's is co-signed.
      expect(row(w.workerA2.id)).toMatchObject({
        notesAwaitingSignature: 0,
        notesAwaitingCosign: 1,
      });
      expect(res.body.totals.notesAwaitingCosign).toBe(1);
      expect(res.body.totals.notesAwaitingSignature).toBe(
        Object.values(unsigned).reduce((a: number, b) => a + (b as number), 0),
      );
    });
  });

  describe('the timeline', () => {
    it('shows each session’s note for the person, with its status and goals', async () => {
      const res = await t.request('GET', `/api/participants/${avery}/timeline`, {
        token: w.workerA.token,
      });
      expect(res.status).toBe(200);
      const item = res.body.items.find((i: { id: string }) => i.id === group);
      const { rows } = await t.db.query(
        `SELECT id FROM session_note WHERE session_id = $1 AND participant_id = $2`,
        [group, avery],
      );
      expect(item.note).toEqual({ id: rows[0].id, status: 'signed', late: false, goals: [] });
    });
  });

  describe('goals worked on', () => {
    const today = todayIn('UTC');
    let goal: string;
    let otherGoal: string;

    async function activePlan(participantId: string, statement: string) {
      const draft = await t.request('POST', `/api/participants/${participantId}/plans`, {
        token: w.workerA.token,
        body: { goals: [{ lifeArea: 'social', statement }] },
      });
      expect(draft.status).toBe(201);
      const active = await t.request('POST', `/api/plans/${draft.body.id}/activate`, {
        token: w.workerA.token,
        body: { participantAgreedOn: today },
      });
      expect(active.status).toBe(200);
      return active.body.goals[0].id as string;
    }

    beforeAll(async () => {
      goal = await activePlan(blake, 'I want to see my daughter every Sunday');
      otherGoal = await activePlan(casey, 'I want to cook for myself again');
    });

    it('links goals of the person’s plan in force on the session date', async () => {
      const s = await session(w.workerA.token, new Date(`${today}T00:01:00Z`), [
        { participantId: blake, status: 'attended' },
      ]);
      const note = await write(w.workerA.token, s, { ...free(blake), goalIds: [goal] });
      expect(note.goalIds).toEqual([goal]);
      expect((await stored(note.id)).goal_ids).toEqual([goal]);

      const timeline = await t.request('GET', `/api/participants/${blake}/timeline`, {
        token: w.workerA.token,
      });
      const item = timeline.body.items.find((i: { id: string }) => i.id === s);
      expect(item.note).toEqual({
        id: note.id,
        status: 'draft',
        late: false,
        goals: [{ id: goal, statement: 'I want to see my daughter every Sunday' }],
      });
      const byGoal = await t.request('GET', `/api/notes?goalId=${goal}`, { token: w.supA.token });
      expect(byGoal.body.items.map((n: SessionNote) => n.id)).toEqual([note.id]);
    });

    it('refuses another person’s goal, and a plan not yet in force on the session date', async () => {
      const before = await notes();
      const s = await session(w.workerA.token, new Date(`${today}T00:02:00Z`), [
        { participantId: blake, status: 'attended' },
        { participantId: casey, status: 'attended' },
      ]);
      const theirs = await t.request('POST', `/api/sessions/${s}/notes`, {
        token: w.workerA.token,
        body: { ...free(blake), goalIds: [goal, otherGoal] },
      });
      expect(theirs.status).toBe(400);
      expect(theirs.body.errors).toHaveProperty('goalIds');
      const yesterday = await session(
        w.workerA.token,
        new Date(Date.parse(`${today}T00:00:00Z`) - 2 * HOUR),
        [{ participantId: blake, status: 'attended' }],
      );
      const early = await t.request('POST', `/api/sessions/${yesterday}/notes`, {
        token: w.workerA.token,
        body: { ...free(blake), goalIds: [goal] },
      });
      expect(early.status).toBe(400);
      expect(early.body.errors).toHaveProperty('goalIds');
      expect(await notes()).toBe(before);
      // The same note without goals is fine: goals are optional.
      const plain = await t.request('POST', `/api/sessions/${yesterday}/notes`, {
        token: w.workerA.token,
        body: free(blake),
      });
      expect(plain.status).toBe(201);
    });
  });

  describe('the team boundary and the move rule', () => {
    let noteId: string;

    beforeAll(async () => {
      const { rows } = await t.db.query(
        `SELECT id FROM session_note WHERE session_id = $1 AND participant_id = $2`,
        [group, avery],
      );
      noteId = rows[0].id;
    });

    it('is a 404 for another team, audited as access_denied', async () => {
      const seq = await auditSeq(t);
      const res = await t.request('GET', `/api/notes/${noteId}`, { token: w.workerB.token });
      expect(res.status).toBe(404);
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({ action: 'access_denied', entity_id: noteId, team_id: null }),
      ]);
      const list = await t.request('GET', `/api/notes?participantId=${avery}`, {
        token: w.supB.token,
      });
      expect(list.status).toBe(404);
      const all = await t.request('GET', '/api/notes?pageSize=100', { token: w.supB.token });
      expect(all.body.total).toBe(0);
    });

    it('keeps the note with its session’s team when the person moves', async () => {
      const version = (await t.db.query(`SELECT version FROM participant WHERE id = $1`, [avery]))
        .rows[0].version;
      const moved = await t.request('PATCH', `/api/participants/${avery}`, {
        token: w.admin.token,
        body: { version, teamId: w.teamB.id, primaryWorkerId: w.workerB.id },
      });
      expect(moved.status).toBe(200);
      const { rows } = await t.db.query(
        `SELECT team_id FROM session_note WHERE participant_id = $1`,
        [avery],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.team_id === w.teamA.id)).toBe(true);

      const old = await t.request('GET', `/api/notes/${noteId}`, { token: w.supA.token });
      expect(old.status).toBe(200);
      expect(old.body).toMatchObject({
        id: noteId,
        participantId: null,
        participantName: OTHER,
        teamId: w.teamA.id,
      });
      const newTeam = await t.request('GET', `/api/notes/${noteId}`, { token: w.supB.token });
      expect(newTeam.status).toBe(404);
      const timeline = await t.request('GET', `/api/participants/${avery}/timeline`, {
        token: w.workerB.token,
      });
      const item = timeline.body.items.find((i: { id: string }) => i.id === group);
      expect(item).toMatchObject({ openable: false });
      expect(item).not.toHaveProperty('note');
      // The new team can no longer sign, co-sign or add to it.
      const add = await t.request('POST', `/api/notes/${noteId}/addenda`, {
        token: w.workerB.token,
        body: { text: 'Not ours' },
      });
      expect(add.status).toBe(404);
    });
  });
});

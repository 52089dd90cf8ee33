import type { DataSource } from 'typeorm';
import {
  BASELINE_DUE_DAYS,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  INSTRUMENTS,
  addDays,
  scoreAnswers,
  todayIn,
  type InstrumentKey,
} from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import { seededRandom } from './random';

/** Which measures each demo team takes. */
const TEAM_INSTRUMENTS: Record<string, InstrumentKey[]> = {
  'Northside Recovery Hub': ['barc10', 'phq9'],
  'Riverside Peer Collective': ['barc10', 'gad7'],
};

type Course = 'improving' | 'flat' | 'worse';

/** Answers adding up to `score`, spread over the items; `keepZero` items stay at their lowest. */
function answersFor(
  key: InstrumentKey,
  score: number,
  rnd: ReturnType<typeof seededRandom>,
  keepZero: number[] = [],
): number[] {
  const i = INSTRUMENTS[key];
  const lo = i.answers[0].value;
  const hi = i.answers[i.answers.length - 1].value;
  const answers = i.items.map(() => lo);
  let rest = score - lo * i.items.length;
  const open = i.items.map((_, n) => n).filter((n) => !keepZero.includes(n));
  while (rest > 0) {
    const free = open.filter((n) => answers[n] < hi);
    if (free.length === 0) break;
    answers[rnd.pick(free)] += 1;
    rest -= 1;
  }
  return answers;
}

/**
 * Outcome measures for most demo participants, taken on the team's schedule
 * (baseline a month after enrolment, then every 90 days), with believable
 * courses: most improving, some flat, a few worse. One recent PHQ-9 of Alex
 * Rivera's caseload answered item 9 above 0, and its alert is still open;
 * an older one was followed up and resolved.
 */
export async function seedDemoMeasures(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const rnd = seededRandom(909);
  const today = todayIn(config.orgTimezone);
  const interval = config.measureIntervalDays ?? DEFAULT_MEASURE_INTERVAL_DAYS;
  await ds.transaction(async (m) => {
    for (const [name, instruments] of Object.entries(TEAM_INSTRUMENTS)) {
      await m.query(`UPDATE team SET instruments = $2 WHERE name = $1`, [name, instruments]);
    }
    const people: {
      id: string;
      teamId: string;
      instruments: InstrumentKey[];
      enrolledOn: string;
      dischargedOn: string | null;
      workerId: string | null;
      workerName: string | null;
      anyWorker: string;
    }[] = await m.query(
      `SELECT p.id, p.team_id AS "teamId", t.instruments, p.enrolled_on::text AS "enrolledOn",
              p.discharged_on::text AS "dischargedOn", p.primary_worker_id AS "workerId",
              u.display_name AS "workerName",
              (SELECT id FROM app_user w WHERE w.team_id = p.team_id AND w.role = 'worker'
                ORDER BY w.email LIMIT 1) AS "anyWorker"
         FROM participant p JOIN team t ON t.id = p.team_id
         LEFT JOIN app_user u ON u.id = p.primary_worker_id
        ORDER BY p.last_name, p.first_name, p.id`,
    );
    let alertRaised = false;
    let resolvedRaised = false;
    for (const p of people) {
      if (!rnd.chance(0.85)) continue;
      const end = p.dischargedOn ?? today;
      const by = p.workerId ?? p.anyWorker;
      for (const key of p.instruments) {
        const i = INSTRUMENTS[key];
        const lo = i.bands[0].min;
        const hi = i.bands[i.bands.length - 1].max;
        const course: Course = rnd.weighted({ improving: 60, flat: 25, worse: 15 });
        // Where people tend to start: some distress, some recovery capital to build on.
        let score =
          key === 'barc10' ? rnd.int(24, 42) : key === 'phq9' ? rnd.int(8, 19) : rnd.int(7, 16);
        const sign = i.better === 'higher' ? 1 : -1;
        let on = addDays(p.enrolledOn, BASELINE_DUE_DAYS + rnd.int(-5, 6));
        let first = true;
        while (on <= end) {
          const alertHere =
            key === 'phq9' &&
            !alertRaised &&
            p.workerName === 'Alex Rivera' &&
            !p.dischargedOn &&
            addDays(on, interval) > today;
          // An earlier answer above 0 on item 9 too, followed up the same day.
          const resolvedHere =
            key === 'phq9' && !alertHere && !resolvedRaised && !first && rnd.chance(0.2);
          const flagged = alertHere || resolvedHere;
          const answers = answersFor(key, score, rnd, key === 'phq9' && !flagged ? [8] : []);
          if (flagged && answers[8] === 0) {
            const from = answers.findIndex((a, n) => n < 8 && a > 0);
            if (from >= 0) answers[from] -= 1;
            answers[8] = 1;
          }
          const scored = scoreAnswers(i, answers);
          const [{ id }] = await m.query(
            `INSERT INTO measurement (team_id, participant_id, instrument, taken_on, answers, score, band,
                                      administered_by_id, self_entered, at_discharge, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $4::date + time '11:00')
             RETURNING id`,
            [
              p.teamId,
              p.id,
              key,
              on,
              answers,
              scored.score,
              scored.band,
              by,
              rnd.chance(0.6),
              !!p.dischargedOn && addDays(on, interval) > end,
            ],
          );
          if (alertHere) {
            alertRaised = true;
            await m.query(
              `INSERT INTO safety_alert (team_id, participant_id, measurement_id, kind, raised_at)
               VALUES ($1, $2, $3, 'phq9_item9', $4::date + time '11:05')`,
              [p.teamId, p.id, id, on],
            );
          } else if (resolvedHere) {
            resolvedRaised = true;
            await m.query(
              `INSERT INTO safety_alert (team_id, participant_id, measurement_id, kind, raised_at,
                                         resolved_at, resolved_by_id, resolution)
               VALUES ($1, $2, $3, 'phq9_item9', $4::date + time '11:05', $4::date + time '15:30', $5,
                       'We talked it through right away. No plan or intent; we wrote a safety plan together and saved the crisis line in their phone. Checked in again two days later.')`,
              [p.teamId, p.id, id, on, by],
            );
          }
          // The next one: most people move in their direction, with some wobble.
          const step =
            course === 'improving'
              ? rnd.int(4, 8)
              : course === 'worse'
                ? -rnd.int(3, 6)
                : rnd.int(-2, 2);
          score = Math.min(hi, Math.max(lo, score + sign * step));
          on = addDays(on, interval + rnd.int(-7, 10));
          first = false;
        }
      }
    }
  });
}

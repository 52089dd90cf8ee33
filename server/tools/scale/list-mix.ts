import type { Client } from 'pg';
import { addDays, PARTICIPANT_STATUSES } from '@peerpath/shared';
import { SCALE_ADMIN_EMAIL, SCALE_DOMAIN } from './identities';

/**
 * The participant list as many people use it at once: different searches
 * (parts of the seeded names), pages, statuses, workers, "no contact since"
 * dates, both sorts and the caseload's drill-downs (SPEC §4, §7, §9), by
 * workers and supervisors of several teams and by the admin. Drawn from a
 * seeded generator, so a run can be repeated; every request of one mix is
 * different from the others, so no page of it is served from the list's kept
 * pages (`ListPageCache`) unless an earlier mix asked for the same one.
 */

export interface MixCaller {
  email: string;
  role: 'admin' | 'supervisor' | 'worker';
  teamId: string | null;
}

export interface MixRequest {
  email: string;
  path: string;
  /** What the server keeps a page under: the team and the filters, whoever asks. */
  key: string;
}

interface Team {
  id: string;
  participants: number;
  workers: string[];
  names: string[];
}

export interface MixSource {
  callers: MixCaller[];
  teams: Map<string, Team>;
  /** The organisation's today (YYYY-MM-DD), for the date filters. */
  today: string;
}

/** The admin's share of the requests (the rest are the staff's, evenly). */
const ADMIN_SHARE = 0.02;

/** Small, fast and seedable (mulberry32); the mixes must not depend on Math.random. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Who asks and what they may look for: up to `maxCallers` active workers and
 * supervisors of the scale organisation (team 1's first, then one of each
 * other team in turn) and the admin; per team, its size, its workers and a
 * sample of its people's names.
 */
export async function loadMixSource(
  db: Client,
  today: string,
  maxCallers = 24,
): Promise<MixSource> {
  const { rows: staff } = await db.query<{
    email: string;
    role: 'supervisor' | 'worker';
    team_id: string;
  }>(
    `SELECT email, role, team_id FROM (
       SELECT u.email, u.role, u.team_id,
              row_number() OVER (PARTITION BY u.team_id ORDER BY u.role DESC, u.email) AS n
         FROM app_user u
        WHERE u.active AND u.team_id IS NOT NULL AND u.role IN ('worker', 'supervisor')
          AND u.email LIKE $1) s
      ORDER BY n, email
      LIMIT $2`,
    [`%@${SCALE_DOMAIN}`, maxCallers],
  );
  const callers: MixCaller[] = staff.map((s) => ({
    email: s.email,
    role: s.role,
    teamId: s.team_id,
  }));
  callers.push({ email: SCALE_ADMIN_EMAIL, role: 'admin', teamId: null });

  const { rows: teams } = await db.query<{
    id: string;
    participants: number;
    workers: string[] | null;
    names: string[] | null;
  }>(
    `SELECT t.id,
            (SELECT count(*)::int FROM participant p WHERE p.team_id = t.id) AS participants,
            (SELECT array_agg(u.id ORDER BY u.id) FROM app_user u
              WHERE u.team_id = t.id AND u.role = 'worker' AND u.active) AS workers,
            (SELECT array_agg(n) FROM (
               SELECT unnest(ARRAY[p.first_name, p.last_name, p.preferred_name]) AS n
                 FROM participant p WHERE p.team_id = t.id
                ORDER BY p.id LIMIT 200) names WHERE n IS NOT NULL) AS names
       FROM team t`,
  );
  return {
    callers,
    teams: new Map(
      teams.map((t) => [
        t.id,
        { id: t.id, participants: t.participants, workers: t.workers ?? [], names: t.names ?? [] },
      ]),
    ),
    today,
  };
}

/**
 * `count` different list requests drawn with `seed`. About half search (a part
 * of a seeded name two to six letters long, a whole name, or a name that is not
 * there), and each filter and sort turns up as often as a caseload screen might
 * use it; pages run to the end of what the filters could match.
 */
export function listMix(source: MixSource, seed: number, count = 1000): MixRequest[] {
  const rand = generator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  const teams = [...source.teams.values()];
  const allNames = teams.flatMap((t) => t.names);
  // An organisation has one admin to hundreds of staff: the admin asks one request in fifty.
  const staff = source.callers.filter((c) => c.role !== 'admin');
  const admin = source.callers.find((c) => c.role === 'admin');
  const out: MixRequest[] = [];
  const seen = new Set<string>();
  // The space is large at any scale; the bound only stops a tiny organisation looping forever.
  for (let tries = 0; out.length < count && tries < count * 200; tries++) {
    const caller = admin && (staff.length === 0 || chance(ADMIN_SHARE)) ? admin : pick(staff);
    const q = new URLSearchParams();
    let team = caller.teamId ? source.teams.get(caller.teamId) : undefined;
    if (caller.role === 'admin' && chance(0.5) && teams.length > 0) {
      team = pick(teams);
      q.set('teamId', team.id);
    }
    const names = team?.names.length ? team.names : allNames;
    // Roughly how many people the filters leave, to keep most pages inside the list.
    let share = 1;
    if (chance(0.5) && names.length > 0) {
      const name = pick(names);
      const roll = rand();
      let search: string;
      if (roll < 0.7) {
        const len = 2 + Math.floor(rand() * Math.min(5, Math.max(1, name.length - 1)));
        const start = Math.floor(rand() * Math.max(1, name.length - len + 1));
        search = name.slice(start, start + len);
      } else if (roll < 0.9) {
        search = name;
      } else {
        search = `${name.slice(0, 3)}zq`;
      }
      q.set('search', chance(0.5) ? search.toLowerCase() : search);
      share *= search.length <= 2 ? 0.3 : 0.05;
    }
    if (chance(0.4)) {
      const status = pick(PARTICIPANT_STATUSES);
      q.set('status', status);
      share *= status === 'active' ? 0.7 : 0.15;
    }
    if (team && team.workers.length > 0 && chance(0.25)) {
      q.set('primaryWorkerId', pick(team.workers));
      share /= Math.max(1, team.workers.length);
    }
    if (chance(0.15)) {
      q.set('noContactSince', addDays(source.today, -(7 + Math.floor(rand() * 180))));
      share *= 0.4;
    }
    const drill = rand();
    if (drill < 0.04) {
      q.set('planReviewDueBy', addDays(source.today, Math.floor(rand() * 30)));
      share *= 0.1;
    } else if (drill < 0.07) {
      q.set('withoutPlanEnrolledBy', addDays(source.today, -30));
      share *= 0.3;
    } else if (drill < 0.1) {
      q.set('measuresDueBy', addDays(source.today, Math.floor(rand() * 14)));
      share *= 0.3;
    }
    if (chance(0.3)) q.set('sort', 'lastContact');
    const pageSize = pick([25, 25, 25, 25, 10, 50, 100]);
    if (pageSize !== 25 || chance(0.3)) q.set('pageSize', String(pageSize));
    const people = team ? team.participants : teams.reduce((n, t) => n + t.participants, 0);
    const lastPage = Math.max(1, Math.ceil((people * share) / pageSize));
    // Most people stay on the first pages; some page through to the end.
    const page = chance(0.6) ? 1 : 1 + Math.floor(rand() * Math.min(lastPage, 40));
    if (page > 1 || chance(0.2)) q.set('page', String(page));
    const path = `/api/participants?${q.toString()}`;
    // The server keeps pages per team and filters, whoever asks.
    const filters = new URLSearchParams(q);
    filters.delete('teamId');
    const key = `${team?.id ?? 'organisation'} ${filters.toString()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ email: caller.email, path, key });
  }
  return out;
}

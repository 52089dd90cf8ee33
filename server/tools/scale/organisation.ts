import { FIRST_NAMES, LAST_NAMES, TEAM_KINDS, TEAM_PLACES } from './vocabulary';
import { SCALE_ADMIN_EMAIL, supervisorEmail, TEAM_ONE_WORKERS, workerEmail } from './identities';
import type { SeedPlan } from './seed-plan';

/** A member of staff: `staffNo` 1…workers are the workers, then one supervisor per team. */
export interface StaffMember {
  staffNo: number;
  teamNo: number;
  role: 'worker' | 'supervisor';
  email: string;
  displayName: string;
  active: boolean;
  /** Day (0 = first day of the history) after which a former worker no longer works here. */
  leftDay: number | null;
  /** Who takes over a former worker's sessions after `leftDay`. */
  replacement: number | null;
  /** Relative share of the sessions they run (part-time staff run fewer). */
  slots: number;
}

export interface Organisation {
  teams: { teamNo: number; name: string; supervisorNo: number }[];
  staff: StaffMember[];
  admin: { email: string; displayName: string };
}

/** A small deterministic generator (mulberry32) for the handful of values chosen in JS. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function teamOfWorker(worker: number, teams: number): number {
  if (worker <= TEAM_ONE_WORKERS || teams === 1) return 1;
  return 2 + ((worker - TEAM_ONE_WORKERS - 1) % (teams - 1));
}

/** Teams, supervisors and workers: few enough to decide here, the rest is set-based SQL. */
export function planOrganisation(plan: SeedPlan): Organisation {
  const random = generator(plan.seed * 7919);
  const name = () =>
    `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`;

  const teams = Array.from({ length: plan.teams }, (_, i) => {
    const place = TEAM_PLACES[i % TEAM_PLACES.length];
    const kind = TEAM_KINDS[(i + Math.floor(i / TEAM_PLACES.length)) % TEAM_KINDS.length];
    const round = Math.floor(i / TEAM_PLACES.length);
    return {
      teamNo: i + 1,
      name: `${place} ${kind}${round > 0 ? ` ${round + 1}` : ''}`,
      supervisorNo: plan.workers + i + 1,
    };
  });

  const staff: StaffMember[] = [];
  for (let n = 1; n <= plan.workers; n++) {
    staff.push({
      staffNo: n,
      teamNo: teamOfWorker(n, plan.teams),
      role: 'worker',
      email: workerEmail(n),
      displayName: name(),
      active: true,
      leftDay: null,
      replacement: null,
      slots: 3 + Math.floor(random() * 4),
    });
  }
  for (const t of teams) {
    staff.push({
      staffNo: t.supervisorNo,
      teamNo: t.teamNo,
      role: 'supervisor',
      email: supervisorEmail(t.teamNo),
      displayName: name(),
      active: true,
      leftDay: null,
      replacement: null,
      slots: 1,
    });
  }

  // About one worker in 23 has left (never in team 1, which the benchmark signs in to).
  for (const w of staff) {
    if (w.role !== 'worker' || w.staffNo <= TEAM_ONE_WORKERS || w.staffNo % 23 !== 0) continue;
    const colleagues = staff.filter(
      (o) => o.teamNo === w.teamNo && o.role === 'worker' && o.staffNo !== w.staffNo && o.active,
    );
    if (colleagues.length === 0) continue;
    w.active = false;
    w.leftDay = Math.max(1, plan.days - 1 - (60 + ((w.staffNo * 37) % 300)));
    w.replacement = colleagues[w.staffNo % colleagues.length].staffNo;
  }
  return { teams, staff, admin: { email: SCALE_ADMIN_EMAIL, displayName: 'Scale Administrator' } };
}

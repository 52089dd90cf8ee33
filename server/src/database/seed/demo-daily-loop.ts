import type { DataSource } from 'typeorm';
import {
  addDays,
  formatOf,
  todayIn,
  type AttendanceStatus,
  type FocusArea,
  type ParticipantStatus,
  type ParticipantType,
  type SessionActivity,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import { seededRandom } from './random';

/**
 * The worker's daily loop for the demo organisation: about sixty participants
 * per team and six months of sessions with attendance. Deterministic (a seeded
 * generator, no Math.random), relative to today in ORG_TIMEZONE, and written
 * with one set-based INSERT per table.
 */

type Rng = ReturnType<typeof seededRandom>;

type Gender = 'f' | 'm' | 'n';
// prettier-ignore
const FIRST_NAMES: [string, Gender, string?][] = [
  ['Amara', 'f'], ['Elizabeth', 'f', 'Liz'], ['Mei', 'f'], ['Fatima', 'f'], ['Grace', 'f'],
  ['Siobhan', 'f'], ['Lucía', 'f'], ['Priya', 'f'], ['Keisha', 'f'], ['Ingrid', 'f'],
  ['Margaret', 'f', 'Peggy'], ['Thi Lan', 'f', 'Lan'], ['Olivia', 'f'], ['Aaliyah', 'f'],
  ['Rosa', 'f'], ['Hannah', 'f'], ['Chloe', 'f'], ['Yasmin', 'f'], ['Deborah', 'f', 'Deb'],
  ['Naomi', 'f'], ['Wanjiru', 'f'], ['Ana Sofia', 'f', 'Sofi'], ['Kiri', 'f'], ['Bridget', 'f'],
  ['Marcus', 'm'], ['Jonathan', 'm', 'Jon'], ['Tariq', 'm'], ['Diego', 'm'], ['Samuel', 'm', 'Sam'],
  ['Oluwaseun', 'm', 'Seun'], ['Hiroshi', 'm'], ['Patrick', 'm', 'Paddy'], ['Andre', 'm'],
  ['Mateo', 'm'], ['William', 'm', 'Billy'], ['Kwame', 'm'], ['Dmitri', 'm'], ['Ravi', 'm'],
  ['Tomás', 'm'], ['Isaac', 'm'], ['Darnell', 'm'], ['Connor', 'm'], ['Wiremu', 'm'],
  ['Gerald', 'm', 'Gerry'], ['Anh', 'm'], ['Robert', 'm', 'Bobby'], ['Malik', 'm'], ['Ethan', 'm'],
  ['River', 'n'], ['Sage', 'n'], ['Jessie', 'n'], ['Quinn', 'n'], ['Avery', 'n'], ['Rowan', 'n'],
  ['Skyler', 'n'], ['Ash', 'n'], ['Kai', 'n'], ['Morgan', 'n'], ['Emerson', 'n'], ['Remy', 'n'],
];
// prettier-ignore
const LAST_NAMES = [
  'Okafor', 'Nguyen', 'García', 'Smith', 'Patel', "O'Brien", 'Kowalski', 'Haddad', 'Johnson',
  'Tanaka', 'Mensah', 'Fitzgerald', 'Rodríguez', 'Williams', 'Singh', 'Moreau', 'Ivanova',
  'Brown', 'Ahmed', 'Lindqvist', 'Kim', 'MacDonald', 'Hernández', 'Adeyemi', 'Chen', 'Walker',
  'Novak', 'Rossi', 'Baptiste', 'Cohen', 'Murphy', 'Tui', 'Sato', 'Da Silva', 'Kaur', 'Jackson',
  'Popescu', 'Ali', 'Thompson', 'Nakamura', 'Osei', 'Martínez', 'Lee', 'Dubois', 'Flores',
  'Kelly', 'Ngata', 'Abdi', 'Schmidt', 'Reyes', 'Hughes', 'Wong', 'Begay', 'Santos', 'Park',
  'Van der Berg', 'Oyelaran', 'Castillo', 'Byrne', 'Yusuf', 'Hall', 'Mwangi', 'Ortiz',
];
const PRONOUNS: Record<Gender, string[]> = {
  f: ['she/her', 'she/her', 'she/her', 'she/they'],
  m: ['he/him', 'he/him', 'he/him', 'he/they'],
  n: ['they/them', 'they/them', 'xe/xem', 'any pronouns'],
};
/** Most common first: what people most often come to peer support for. */
// prettier-ignore
const FOCUS_WEIGHTS: [FocusArea, number][] = [
  ['depression', 30], ['anxiety', 30], ['substance_use', 24], ['trauma', 18],
  ['general_wellbeing', 14], ['bipolar', 8], ['psychosis', 6], ['eating_disorder', 4],
];

interface DemoParticipant {
  id: string;
  teamId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  participantType: ParticipantType;
  focusAreas: FocusArea[];
  status: ParticipantStatus;
  enrolledOn: string;
  dischargedOn: string | null;
  primaryWorkerId: string;
  consentToServicesOn: string;
  consentToShareOn: string | null;
  /** Last day they take part in sessions (discharge, or drifting away when inactive). */
  lastActiveOn: string;
  /** How likely they are to turn up, 0–1. */
  engagement: number;
}

interface DemoSession {
  id: string;
  teamId: string;
  type: SessionType;
  setting: SessionSetting;
  local: string;
  durationMinutes: number;
  title: string | null;
  activities: SessionActivity[];
  notes: string | null;
  facilitatorId: string;
}

interface DemoAttendance {
  sessionId: string;
  participantId: string;
  status: AttendanceStatus;
  note: string | null;
}

interface Staff {
  id: string;
  role: 'worker' | 'supervisor';
}

function weightedFocus(rng: Rng): FocusArea[] {
  const total = FOCUS_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  const n = rng.chance(0.1) ? 0 : rng.int(1, 3);
  const chosen = new Set<FocusArea>();
  while (chosen.size < n) {
    let r = rng.next() * total;
    for (const [area, w] of FOCUS_WEIGHTS) {
      r -= w;
      if (r < 0) {
        chosen.add(area);
        break;
      }
    }
  }
  return [...chosen];
}

function makeParticipants(rng: Rng, teamId: string, staff: Staff[], today: string, count: number) {
  const workers = staff.filter((s) => s.role === 'worker');
  const supervisors = staff.filter((s) => s.role === 'supervisor');
  const used = new Set<string>();
  const out: DemoParticipant[] = [];
  while (out.length < count) {
    const [firstName, gender, short] = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    if (used.has(`${firstName} ${lastName}`)) continue;
    used.add(`${firstName} ${lastName}`);
    const i = out.length;
    const enrolledOn = addDays(today, -rng.int(3, 365));
    const r = rng.next();
    const status: ParticipantStatus = r < 0.84 ? 'active' : r < 0.93 ? 'inactive' : 'discharged';
    const daysEnrolled = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${enrolledOn}T00:00:00Z`)) / 86400000,
    );
    const dischargedOn =
      status === 'discharged'
        ? addDays(enrolledOn, rng.int(Math.min(21, daysEnrolled), daysEnrolled))
        : null;
    const lastActiveOn =
      dischargedOn ??
      (status === 'inactive'
        ? addDays(enrolledOn, Math.floor(daysEnrolled * rng.next() * 0.7))
        : today);
    const year = Number(today.slice(0, 4)) - rng.int(19, 72);
    const slug = `${firstName}.${lastName}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    // Mostly the team's workers; now and then a supervisor carries a small caseload.
    const primary =
      supervisors.length && rng.chance(0.08) ? rng.pick(supervisors) : workers[i % workers.length];
    out.push({
      id: rng.uuid(),
      teamId,
      firstName,
      lastName,
      preferredName: short && rng.chance(0.7) ? short : null,
      pronouns: rng.chance(0.85) ? rng.pick(PRONOUNS[gender]) : null,
      dateOfBirth: rng.chance(0.8)
        ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
        : null,
      phone: rng.chance(0.85) ? `555-01${String(rng.int(0, 99)).padStart(2, '0')}` : null,
      email: rng.chance(0.45) ? `${slug}${rng.int(1, 99)}@mail.example` : null,
      participantType: rng.chance(0.12) ? 'family_caregiver' : 'individual',
      focusAreas: weightedFocus(rng),
      status,
      enrolledOn,
      dischargedOn,
      primaryWorkerId: (primary ?? workers[0]).id,
      consentToServicesOn: enrolledOn,
      consentToShareOn: rng.chance(0.6) ? addDays(enrolledOn, rng.int(0, 14)) : null,
      lastActiveOn,
      engagement: rng.chance(0.12) ? 0.2 + rng.next() * 0.2 : 0.55 + rng.next() * 0.45,
    });
  }
  return out;
}

const EDUCATION_TOPICS = [
  'WRAP: Wellness Recovery Action Planning',
  'Understanding your medication',
  'Navigating benefits and paperwork',
  'Sleep and recovery',
  'Talking with your doctor',
  'Making a crisis plan',
  'Budgeting in recovery',
  'Nutrition on a shoestring',
];
const CONDITION_GROUPS: [string, FocusArea][] = [
  ['Hearing Voices group', 'psychosis'],
  ['Living well with bipolar', 'bipolar'],
  ['Anxiety and panic support', 'anxiety'],
  ['Dual recovery circle', 'substance_use'],
  ['Trauma-informed peer circle', 'trauma'],
];
const GROUP_NOTES = [
  'Group agreed shared ground rules; two new members welcomed.',
  'Discussion centred on managing setbacks and asking for help early.',
  'Members shared coping strategies for the holidays.',
  'Quieter session; check in with those who left early.',
  'Guest speaker from the housing advice service.',
  'Good energy; members suggested a walking group.',
];
const ONE_TO_ONE_NOTES = [
  'Reviewed goals for the month; feeling more settled.',
  'Talked through a difficult week; made a plan for the weekend.',
  'Practised what to say at the upcoming appointment.',
  'Worked on a daily routine and sleep.',
  'Explored options for getting back into work or study.',
  'Celebrated 90 days of recovery.',
];
const ABSENT_NOTES = ['Texted ahead: unwell', 'No contact; follow up by phone', null, null];
const EXCUSED_NOTES = ['Medical appointment', 'Work shift', 'Childcare', 'Court date'];

const dayOfWeek = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

function attendanceStatus(rng: Rng, engagement: number): AttendanceStatus {
  if (rng.next() < 0.72 + engagement * 0.22) return 'attended';
  return rng.chance(0.6) ? 'absent' : 'excused';
}

function makeSessions(
  rng: Rng,
  teamId: string,
  staff: Staff[],
  people: DemoParticipant[],
  today: string,
  days: number,
) {
  const sessions: DemoSession[] = [];
  const attendance: DemoAttendance[] = [];
  const workers = staff.filter((s) => s.role === 'worker');
  const everyone = staff;
  const eligible = (d: string) => people.filter((p) => p.enrolledOn <= d && d <= p.lastActiveOn);

  const add = (
    day: string,
    time: string,
    type: SessionType,
    setting: SessionSetting,
    durationMinutes: number,
    facilitatorId: string,
    attendees: DemoParticipant[],
    title: string | null,
    base: SessionActivity[],
  ) => {
    if (attendees.length === 0) return;
    const id = rng.uuid();
    const extras: SessionActivity[] = rng.sample(
      [
        'social_skills',
        'health_literacy',
        'shared_decision_making',
        'advocacy',
        'resource_sharing',
      ],
      rng.int(0, 2),
    );
    const group = formatOf(type) === 'group';
    sessions.push({
      id,
      teamId,
      type,
      setting,
      local: `${day} ${time}`,
      durationMinutes,
      title,
      activities: [...new Set([...base, ...extras])],
      notes: rng.chance(0.35) ? rng.pick(group ? GROUP_NOTES : ONE_TO_ONE_NOTES) : null,
      facilitatorId,
    });
    for (const p of attendees) {
      const status = group
        ? attendanceStatus(rng, p.engagement)
        : rng.chance(0.9)
          ? 'attended'
          : 'absent';
      const note =
        status === 'absent'
          ? rng.pick(ABSENT_NOTES)
          : status === 'excused'
            ? rng.pick(EXCUSED_NOTES)
            : null;
      attendance.push({ sessionId: id, participantId: p.id, status, note });
    }
  };
  const groupOf = (pool: DemoParticipant[], min: number, max: number) =>
    rng.sample(
      pool.filter((p) => rng.next() < p.engagement),
      rng.int(min, max),
    );

  for (let back = days; back >= 1; back--) {
    const day = addDays(today, -back);
    const dow = dayOfWeek(day);
    const pool = eligible(day);
    const week = Math.floor(back / 7);
    const lead = (k: number) => workers[(week + k) % workers.length] ?? everyone[0];
    if (dow === 1) {
      add(
        day,
        '10:00',
        'support_group',
        'community_center',
        90,
        lead(0).id,
        groupOf(pool, 5, 10),
        'Monday recovery circle',
        ['emotional_support', 'coping_strategies'],
      );
    }
    if (dow === 2 && week % 2 === 0) {
      add(
        day,
        '13:30',
        'educational_group',
        rng.pick(['hospital', 'community_center', 'clinic'] as const),
        60,
        lead(1).id,
        groupOf(pool, 4, 9),
        rng.pick(EDUCATION_TOPICS),
        ['health_literacy'],
      );
    }
    if (dow === 3) {
      const [title, area] = CONDITION_GROUPS[week % CONDITION_GROUPS.length];
      const fits = pool.filter((p) => p.focusAreas.includes(area));
      add(
        day,
        '15:00',
        'condition_specific_group',
        'clinic',
        75,
        lead(2).id,
        groupOf(fits.length >= 3 ? fits : pool, 3, 8),
        title,
        ['coping_strategies', 'emotional_support'],
      );
    }
    if (dow === 4 && week % 2 === 1) {
      const carers = pool.filter((p) => p.participantType === 'family_caregiver');
      add(
        day,
        '18:00',
        'family_support_group',
        'community_center',
        90,
        lead(0).id,
        groupOf(carers.length >= 2 ? carers : pool, 2, 7),
        'Families and carers evening',
        ['emotional_support', 'resource_sharing'],
      );
    }
    if (dow === 5) {
      add(
        day,
        '12:00',
        'online_forum',
        'online',
        60,
        lead(1).id,
        groupOf(pool, 4, 12),
        'Online peer check-in',
        ['emotional_support', 'social_skills'],
      );
    }
    if (dow === 0 || dow === 6) continue;
    // One-to-one mentoring: most weekdays each worker sees one or two people, mostly their own.
    for (const s of everyone) {
      const perDay = s.role === 'supervisor' ? (rng.chance(0.25) ? 1 : 0) : rng.int(0, 2);
      const mine = pool.filter((p) => p.primaryWorkerId === s.id);
      for (let k = 0; k < perDay; k++) {
        const from = mine.length && rng.chance(0.85) ? mine : pool;
        const person = from.length ? rng.pick(from) : undefined;
        if (!person || rng.next() > person.engagement + 0.2) continue;
        const setting = rng.pick([
          'phone',
          'home_visit',
          'community_center',
          'clinic',
          'online',
          'other',
        ] as const);
        add(
          day,
          `${String(rng.int(9, 16)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
          'one_to_one_mentoring',
          setting,
          rng.pick([30, 45, 45, 60, 60, 90]),
          s.id,
          [person],
          null,
          [rng.pick(['emotional_support', 'coping_strategies', 'shared_decision_making'] as const)],
        );
      }
    }
  }
  return { sessions, attendance };
}

export async function seedDailyLoop(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM participant`);
  if (n > 0) return;
  const staff: { id: string; role: 'worker' | 'supervisor'; team_id: string }[] = await ds.query(
    `SELECT u.id, u.role, u.team_id FROM app_user u JOIN team t ON t.id = u.team_id
      WHERE u.active AND u.role IN ('worker', 'supervisor')
      ORDER BY t.name, u.email`,
  );
  const teams = [...new Set(staff.map((s) => s.team_id))];
  const today = todayIn(config.orgTimezone);
  const participants: DemoParticipant[] = [];
  const sessions: DemoSession[] = [];
  const attendance: DemoAttendance[] = [];
  teams.forEach((teamId, i) => {
    const rng = seededRandom(20260501 + i * 7919);
    const members = staff.filter((s) => s.team_id === teamId);
    if (!members.some((m) => m.role === 'worker')) return;
    const people = makeParticipants(rng, teamId, members, today, 60);
    const made = makeSessions(rng, teamId, members, people, today, 182);
    participants.push(...people);
    sessions.push(...made.sessions);
    attendance.push(...made.attendance);
  });
  if (participants.length === 0) return;

  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO participant (id, team_id, first_name, last_name, preferred_name, pronouns, date_of_birth,
              phone, email, participant_type, focus_areas, status, enrolled_on, discharged_on,
              primary_worker_id, consent_to_services_on, consent_to_share_on, created_at, updated_at)
       SELECT x.id, x."teamId", x."firstName", x."lastName", x."preferredName", x.pronouns, x."dateOfBirth",
              x.phone, x.email, x."participantType", x."focusAreas", x.status, x."enrolledOn", x."dischargedOn",
              x."primaryWorkerId", x."consentToServicesOn", x."consentToShareOn",
              x."enrolledOn"::timestamp AT TIME ZONE $2 + interval '10 hours',
              coalesce(x."dischargedOn", x."enrolledOn")::timestamp AT TIME ZONE $2 + interval '11 hours'
         FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, "teamId" uuid, "firstName" text, "lastName" text, "preferredName" text, pronouns text,
              "dateOfBirth" date, phone text, email text, "participantType" text, "focusAreas" text[],
              status text, "enrolledOn" date, "dischargedOn" date, "primaryWorkerId" uuid,
              "consentToServicesOn" date, "consentToShareOn" date)`,
      [JSON.stringify(participants), config.orgTimezone],
    );
    await m.query(
      `INSERT INTO support_session (id, team_id, type, setting, starts_at, duration_minutes, title,
              activities, notes, facilitator_id, created_at, updated_at)
       SELECT x.id, x."teamId", x.type, x.setting, x.local::timestamp AT TIME ZONE $2, x."durationMinutes",
              x.title, x.activities, x.notes, x."facilitatorId",
              x.local::timestamp AT TIME ZONE $2 + make_interval(mins => x."durationMinutes" + 20),
              x.local::timestamp AT TIME ZONE $2 + make_interval(mins => x."durationMinutes" + 20)
         FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, "teamId" uuid, type text, setting text, local text, "durationMinutes" int,
              title text, activities text[], notes text, "facilitatorId" uuid)`,
      [JSON.stringify(sessions), config.orgTimezone],
    );
    await m.query(
      `INSERT INTO attendance (session_id, participant_id, status, note)
       SELECT x."sessionId", x."participantId", x.status, x.note
         FROM jsonb_to_recordset($1::jsonb) AS x("sessionId" uuid, "participantId" uuid, status text, note text)`,
      [JSON.stringify(attendance)],
    );
  });
}

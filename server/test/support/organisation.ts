import type {
  AdvocacyAction,
  DecisionNote,
  Handout,
  Participant,
  Resource,
  Session,
} from '@peerpath/shared';
import { seedTeam, seedUser, type SeededUser, type TestApp } from '../harness';

/** One team with its people and one realistic record of every kind, written through the API. */
export interface TeamRecords {
  team: { id: string; name: string };
  supervisor: SeededUser;
  worker: SeededUser;
  /** A second worker, for requests that change a user. */
  spareWorker: SeededUser;
  participant: Participant;
  /** A second participant, attending the session too. */
  relative: Participant;
  session: Session;
  advocacy: AdvocacyAction;
  handout: Handout;
  decisionNote: DecisionNote;
  /**
   * Every string that identifies this team's people or records: ids, names,
   * contact details and free text. None of them may ever reach a user of
   * another team, nor appear in any refused response.
   */
  secrets: string[];
}

export interface Organisation {
  admin: SeededUser;
  resource: Resource;
  a: TeamRecords;
  b: TeamRecords;
}

interface Story {
  team: string;
  people: { supervisor: string; worker: string; spare: string };
  participant: Record<string, unknown>;
  relative: Record<string, unknown>;
  session: { title: string; notes: string; attendanceNote: string };
  advocacy: { title: string; description: string; outcome: string };
  handoutNote: string;
  decision: {
    topic: string;
    options: { label: string; pros?: string; cons?: string }[];
    participantPriorities: string;
    decision: string;
    nextSteps: string;
  };
}

const STORIES: Record<'a' | 'b', Story> = {
  a: {
    team: 'Riverside Recovery Collective',
    people: {
      supervisor: 'Imogen Fairweather',
      worker: 'Desmond Achterberg',
      spare: 'Priyanka Ravichandran',
    },
    participant: {
      firstName: 'Marisol',
      lastName: 'Quintanilla-Vega',
      preferredName: 'Marisolita',
      pronouns: 'she/her',
      dateOfBirth: '1987-04-12',
      phone: '555-0142-771',
      email: 'marisol.quintanilla@example.org',
      participantType: 'individual',
      focusAreas: ['depression', 'substance_use'],
      consentToServicesOn: '2026-01-05',
      consentToShareOn: '2026-01-05',
    },
    relative: {
      firstName: 'Esperanza',
      lastName: 'Quintanilla-Ruiz',
      participantType: 'family_caregiver',
      phone: '555-0199-312',
    },
    session: {
      title: 'Thursday evening recovery circle',
      notes: 'Marisol spoke about cravings around payday; group shared grounding techniques.',
      attendanceNote: 'Arrived late after a shift at the bakery on Delancey',
    },
    advocacy: {
      title: 'Appeal the eviction notice from Larchmont Property Group',
      description: 'Notice served after missed rent during inpatient detox stay.',
      outcome: 'Hearing set; legal aid caseworker Tomasz assigned',
    },
    handoutNote: 'Prefers text reminders before 9am, not voicemail',
    decision: {
      topic: 'Whether to start buprenorphine at the Eastgate clinic',
      options: [
        {
          label: 'Start buprenorphine through the Eastgate clinic',
          pros: 'Fewer cravings, clinic is two blocks from her sister',
          cons: 'Worried her employer at Delancey bakery will find out',
        },
        { label: 'Continue peer support only for another month' },
      ],
      participantPriorities: 'Keeping custody visits with her son on Saturdays',
      decision: 'Book an intake appointment at Eastgate next Tuesday',
      nextSteps: 'Desmond to drive her to the Eastgate intake appointment',
    },
  },
  b: {
    team: 'Harbor Lights Peer Network',
    people: {
      supervisor: 'Oyelaran Whitcombe',
      worker: 'Benedikta Sorensen',
      spare: 'Lucius Abernathy-Cole',
    },
    participant: {
      firstName: 'Tobias',
      lastName: 'Okafor-Lindqvist',
      preferredName: 'Tobiasz',
      pronouns: 'he/him',
      dateOfBirth: '1979-11-30',
      phone: '555-0277-904',
      email: 'tobias.okafor@example.net',
      participantType: 'individual',
      focusAreas: ['psychosis', 'trauma'],
      consentToServicesOn: '2026-02-09',
    },
    relative: {
      firstName: 'Annelise',
      lastName: 'Okafor-Brandt',
      participantType: 'family_caregiver',
      phone: '555-0288-615',
    },
    session: {
      title: 'Hearing voices peer group, Mondays',
      notes: 'Tobias described the voices getting louder since the move to Pier Street shelter.',
      attendanceNote: 'Came with his case manager from Pier Street shelter',
    },
    advocacy: {
      title: 'Request disability benefits review with Wexford county office',
      description: 'Benefits stopped after a missed reassessment letter during hospital stay.',
      outcome: 'Reassessment booked at the Wexford office',
    },
    handoutNote: 'Lost his phone; reach him through the Pier Street front desk',
    decision: {
      topic: 'Whether to switch from clozapine to a long-acting injection',
      options: [
        {
          label: 'Ask the Wexford psychiatrist about a monthly injection',
          pros: 'No daily pills to lose at the shelter',
          cons: 'Bad memory of being injected during his 2019 admission',
        },
        { label: 'Stay on clozapine with a weekly pill organiser' },
      ],
      participantPriorities: 'Not going back to the Wexford inpatient ward',
      decision: 'Stay on clozapine for now, revisit at the next review',
      nextSteps: 'Benedikta to bring a pill organiser on Monday',
    },
  },
};

function ok<T>(res: { status: number; body: T; text: string }, what: string, status = 201): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
}

/** The names, contact details and free text of a story: what identifies its people. */
function storyStrings(story: Story): string[] {
  const pick = (o: Record<string, unknown>, keys: string[]) =>
    keys.map((k) => o[k]).filter((v): v is string => typeof v === 'string');
  const personal = ['firstName', 'lastName', 'preferredName', 'dateOfBirth', 'phone', 'email'];
  return [
    story.team,
    ...Object.values(story.people),
    ...pick(story.participant, personal),
    ...pick(story.relative, personal),
    ...Object.values(story.session),
    ...Object.values(story.advocacy),
    story.handoutNote,
    story.decision.topic,
    ...story.decision.options.flatMap((o) => [o.label, o.pros, o.cons]),
    story.decision.participantPriorities,
    story.decision.decision,
    story.decision.nextSteps,
  ].filter((v): v is string => typeof v === 'string');
}

async function seedTeamRecords(t: TestApp, story: Story, resource: Resource): Promise<TeamRecords> {
  const team = await seedTeam(t, story.team);
  const supervisor = await seedUser(t, {
    role: 'supervisor',
    teamId: team.id,
    displayName: story.people.supervisor,
  });
  const worker = await seedUser(t, {
    role: 'worker',
    teamId: team.id,
    displayName: story.people.worker,
  });
  const spareWorker = await seedUser(t, {
    role: 'worker',
    teamId: team.id,
    displayName: story.people.spare,
  });
  const as = (who: SeededUser, method: string, url: string, body: unknown) =>
    t.request(method, url, { token: who.token, body });

  const participant = ok<Participant>(
    await as(supervisor, 'POST', '/api/participants', {
      ...story.participant,
      primaryWorkerId: worker.id,
    }),
    'participant',
  );
  const relative = ok<Participant>(
    await as(worker, 'POST', '/api/participants', story.relative),
    'relative',
  );
  const session = ok<Session>(
    await as(worker, 'POST', '/api/sessions', {
      type: 'support_group',
      setting: 'community_center',
      startsAt: '2026-03-05T23:30:00Z',
      durationMinutes: 90,
      title: story.session.title,
      activities: ['coping_strategies', 'emotional_support'],
      notes: story.session.notes,
      attendance: [
        { participantId: participant.id, status: 'attended', note: story.session.attendanceNote },
        { participantId: relative.id, status: 'attended' },
      ],
    }),
    'session',
  );
  const advocacy = ok<AdvocacyAction>(
    await as(worker, 'POST', '/api/advocacy-actions', {
      participantId: participant.id,
      level: 'individual',
      category: 'housing',
      status: 'in_progress',
      openedOn: '2026-03-02',
      dueOn: '2026-04-15',
      ...story.advocacy,
    }),
    'advocacy action',
  );
  const handout = ok<Handout>(
    await as(worker, 'POST', '/api/handouts', {
      participantId: participant.id,
      resourceId: resource.id,
      method: 'text',
      givenOn: '2026-03-05',
      followUpOn: '2026-03-12',
      note: story.handoutNote,
    }),
    'handout',
  );
  const decisionNote = ok<DecisionNote>(
    await as(worker, 'POST', '/api/decision-notes', {
      participantId: participant.id,
      discussedOn: '2026-03-06',
      decidedBy: 'shared',
      followUpOn: '2026-03-20',
      ...story.decision,
    }),
    'decision note',
  );
  const people = [supervisor, worker, spareWorker].map((u) => [u.id, u.email, u.displayName]);
  return {
    team,
    supervisor,
    worker,
    spareWorker,
    participant,
    relative,
    session,
    advocacy,
    handout,
    decisionNote,
    secrets: [
      ...new Set([
        team.id,
        ...people.flat(),
        ...storyStrings(story),
        ...[participant, relative, session, advocacy, handout, decisionNote].map((r) => r.id),
      ]),
    ],
  };
}

/**
 * Two teams with a supervisor, two workers and one realistic record of every
 * kind each, an admin, and a resource of the shared directory.
 */
export async function seedOrganisation(t: TestApp): Promise<Organisation> {
  const admin = await seedUser(t, { role: 'admin', displayName: 'Ada Administrator' });
  const resource = ok<Resource>(
    await t.request('POST', '/api/resources', {
      token: admin.token,
      body: {
        name: 'Harbor Street Food Pantry',
        category: 'food',
        description: 'Free groceries, no ID needed',
        phone: '555-0100',
        url: 'https://example.org/pantry',
        tags: ['free', 'walk-in'],
      },
    }),
    'resource',
  );
  const a = await seedTeamRecords(t, STORIES.a, resource);
  const b = await seedTeamRecords(t, STORIES.b, resource);
  return { admin, resource, a, b };
}

/** The current version of a versioned record, read from the database. */
export async function versionOf(
  t: TestApp,
  table: 'participant' | 'support_session' | 'advocacy_action',
  id: string,
): Promise<number> {
  const { rows } = await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (!rows[0]) throw new Error(`${table} ${id} is not stored`);
  return rows[0].version as number;
}

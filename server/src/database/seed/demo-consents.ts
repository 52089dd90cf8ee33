import type { DataSource } from 'typeorm';
import { addDays, todayIn, type InformationKind, type DisclosureMethod } from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import { insertRows } from './demo-records';
import { seededRandom } from './random';

/** Whom people ask us to share with, why, and what, in their own words (SPEC §10). */
const CONSENTS: readonly {
  recipient: string;
  purpose: string;
  information: InformationKind[];
  part2?: boolean;
  event?: string;
}[] = [
  {
    recipient: 'Harbor Housing Help Desk',
    purpose: 'So my housing worker knows what we are working on and can back up my application.',
    information: ['contact_details', 'plan', 'advocacy'],
  },
  {
    recipient: 'Riverside Community Clinic',
    purpose: 'So my nurse knows I am coming to groups and how I am doing.',
    information: ['attendance', 'measures'],
  },
  {
    recipient: 'County Benefits Office',
    purpose: 'To help sort out my benefits claim without me telling the story again.',
    information: ['contact_details', 'advocacy'],
    event: 'When my benefits claim is decided',
  },
  {
    recipient: 'New Dawn Treatment Center',
    purpose: 'A warm handoff to my counsellor at New Dawn, so I do not start from scratch.',
    information: ['attendance', 'plan', 'notes', 'substance_use_records'],
    part2: true,
  },
  {
    recipient: 'Drug Court Coordinator',
    purpose: 'To show the court I am going to my recovery meetings.',
    information: ['attendance', 'substance_use_records'],
    part2: true,
  },
  {
    recipient: 'My sister, Dana',
    purpose: 'So Dana can call you if she is worried about me and cannot reach me.',
    information: ['contact_details'],
    event: 'When I say so',
  },
];

const METHODS: readonly DisclosureMethod[] = ['phone', 'email', 'in_person', 'portal'];

/**
 * Consents to share for about half of the demo participants — a few ending in
 * the next weeks, one withdrawn — and what was shared under them; one
 * emergency disclosure with its reason.
 */
export async function seedDemoConsents(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const rnd = seededRandom(1001);
  const today = todayIn(config.orgTimezone);
  const people: { id: string; teamId: string; workerId: string | null; enrolledOn: string }[] =
    await ds.query(
      `SELECT p.id, p.team_id AS "teamId", p.primary_worker_id AS "workerId",
              p.enrolled_on::text AS "enrolledOn"
         FROM participant p
        WHERE p.status = 'active' AND p.primary_worker_id IS NOT NULL
        ORDER BY p.last_name, p.first_name, p.id`,
    );
  const consents: unknown[][] = [];
  const disclosures: unknown[][] = [];
  let ending = 0;
  let withdrawn = 0;
  for (const p of people) {
    if (!rnd.chance(0.5)) continue;
    const c = rnd.pick(CONSENTS);
    const signedOn =
      p.enrolledOn > addDays(today, -300) ? p.enrolledOn : addDays(today, -rnd.int(30, 300));
    // Most last a year; a few end in the next weeks, so the caseload and the agenda have some.
    let expiresOn: string | null = c.event ? null : addDays(signedOn, 365);
    if (expiresOn && ending < 4 && rnd.chance(0.3)) {
      expiresOn = addDays(today, rnd.int(3, 28));
      ending++;
    }
    if (expiresOn && expiresOn <= today) expiresOn = addDays(today, rnd.int(40, 200));
    const revoke = withdrawn < 1 && signedOn <= addDays(today, -11) && rnd.chance(0.1);
    const revokedOn = revoke ? addDays(today, -rnd.int(1, 10)) : null;
    if (revoke) withdrawn++;
    const id = rnd.uuid();
    consents.push([
      id,
      p.teamId,
      p.id,
      c.recipient,
      c.purpose,
      c.information,
      c.part2 ?? false,
      signedOn,
      expiresOn,
      c.event ?? null,
      revokedOn,
      revoke ? p.workerId : null,
      p.workerId,
    ]);
    // Something was shared under most of them, after signing (and before any withdrawal).
    if (rnd.chance(0.6)) {
      const latest = revokedOn ? addDays(revokedOn, -1) : today;
      const disclosedOn = addDays(signedOn, rnd.int(1, 20));
      if (disclosedOn <= latest) {
        disclosures.push([
          p.teamId,
          p.id,
          c.recipient,
          c.information.slice(0, Math.max(1, c.information.length - 1)),
          disclosedOn,
          rnd.pick(METHODS),
          id,
          false,
          null,
          c.purpose,
          p.workerId,
        ]);
      }
    }
  }
  // One emergency: a call to the crisis team when someone could not be reached after a hard week.
  const first = people[0];
  if (first) {
    disclosures.push([
      first.teamId,
      first.id,
      'County Mobile Crisis Team',
      ['contact_details'],
      addDays(today, -12),
      'phone',
      null,
      true,
      'They told me they did not feel safe and then stopped answering. I gave the crisis team their address so someone could check on them.',
      'They told me they did not feel safe and then stopped answering. I gave the crisis team their address so someone could check on them.',
      first.workerId,
    ]);
  }
  await ds.transaction(async (m) => {
    await insertRows(
      m,
      'consent',
      [
        'id',
        'team_id',
        'participant_id',
        'recipient',
        'purpose',
        'information',
        'part2',
        'signed_on',
        'expires_on',
        'expires_on_event',
        'revoked_on',
        'revoked_by_id',
        'recorded_by_id',
      ],
      consents,
    );
    await insertRows(
      m,
      'disclosure',
      [
        'team_id',
        'participant_id',
        'recipient',
        'information',
        'disclosed_on',
        'method',
        'consent_id',
        'emergency',
        'reason',
        'purpose',
        'by_id',
      ],
      disclosures,
    );
  });
}

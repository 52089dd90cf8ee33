import {
  CONSENT_STATE_LABELS,
  DISCLOSURE_METHOD_LABELS,
  INFORMATION_LABELS,
  type InformationKind,
} from '@peerpath/shared';
import { flowWriter, PDF_MUTED as MUTED, showDate, startPdf } from '../common/pdf';
import type { PersonRecordResponse } from './person-record.response';

type Json = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Thu 12 Mar 2026, 14:30" in the organisation's time zone, as the app shows a moment. */
function showDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const part = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...o, timeZone }).format(at);
  return `${part({ weekday: 'short' })} ${part({ day: 'numeric', month: 'short', year: 'numeric' })}, ${part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
}

/** `startsAt` → "Starts at". */
const label = (key: string) => {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Keys that are the system's own references, not part of what the person reads. */
const HIDDEN = new Set([
  'id',
  'teamId',
  'participantId',
  'consentId',
  'byId',
  'recordedById',
  'recordKey',
]);

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Plain words for a stored value: `support_group` → "Support group", days and times as the app shows them. */
function show(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return '';
    if (DATE.test(value)) return showDate(value);
    if (DATE_TIME.test(value)) return showDateTime(value, timeZone);
    if (/^[a-z]+(_[a-z0-9]+)+$/.test(value) || /^[a-z]+$/.test(value)) {
      const words = value.replace(/_/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null))
      return value.map((v) => show(v, timeZone)).join(', ');
    return '';
  }
  return Object.entries(value as Json)
    .filter(([k]) => !HIDDEN.has(k) && !HIDDEN.has(camel(k)))
    .map(([k, v]) => `${label(k)}: ${show(v, timeZone)}`)
    .filter((s) => !s.endsWith(': '))
    .join('; ');
}

const information = (kinds: InformationKind[]) =>
  kinds.map((k) => INFORMATION_LABELS[k] ?? k).join(', ');

/**
 * The person's record (SPEC §10) as a plain PDF for them to read: a heading
 * for each part, days as the app shows them, nobody else's name (the JSON
 * record never holds one). A disclosure made under a Part 2 consent prints
 * the 42 CFR 2.32 notice with it. Streams are left uncompressed so the text
 * can be checked with a plain search.
 */
export function writePersonRecordPdf(
  record: PersonRecordResponse,
  meta: { orgName: string; timeZone: string },
): Promise<Buffer> {
  const person = record.person;
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  const { doc, done } = startPdf({
    title: 'Personal record',
    orgName: meta.orgName,
    margin: 50,
  });
  const tz = meta.timeZone;
  const { para, heading } = flowWriter(doc);
  const field = (k: string, v: unknown) => {
    const shown = show(v, tz);
    if (shown) para(`${label(k)}: ${shown}`);
  };
  const item = (title: string, fields: Json, skip: string[] = []) => {
    doc.moveDown(0.4);
    para(title, { size: 11, bold: true });
    for (const [k, v] of Object.entries(fields)) {
      if (HIDDEN.has(k) || skip.includes(k)) continue;
      if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) {
        para(`${label(k)}:`);
        v.forEach((x, i) => para(`  ${i + 1}. ${show(x, tz)}`));
      } else field(k, v);
    }
  };
  const none = (what: string) => para(`No ${what} recorded.`, { color: MUTED });

  para(meta.orgName, { size: 10, bold: true, color: MUTED });
  para(`Personal record: ${name}`, { size: 20, bold: true });
  para(`Prepared on ${showDate(record.generatedOn)}, at the person’s own request.`, {
    color: MUTED,
  });
  para(
    'This is everything we hold about you. Other people who attended a group with you are counted, never named.',
    { size: 9, color: MUTED },
  );

  heading('About you');
  for (const [k, v] of Object.entries(person)) if (!HIDDEN.has(k)) field(k, v);

  heading('Sessions');
  if (!record.sessions.length) none('sessions');
  for (const s of record.sessions) {
    const title = [s.title, show(s.type, tz)].filter(Boolean).join(' · ');
    item(`${show(s.startsAt, tz)}: ${String(title)}`, s, ['startsAt', 'title']);
  }

  heading('Recovery plans');
  if (!record.plans.length) none('recovery plans');
  for (const p of record.plans) item(`Plan version ${String(p.versionNo ?? '')}`, p, ['versionNo']);

  heading('Advocacy');
  if (!record.advocacy.length) none('advocacy');
  for (const a of record.advocacy) item(String(a.title ?? show(a.category, tz)), a, ['title']);

  heading('Resources you were given');
  if (!record.handouts.length) none('resources');
  for (const h of record.handouts) item(String(h.resource ?? 'Resource'), h, ['resource']);

  heading('Shared decision-making notes');
  if (!record.decisionNotes.length) none('decision notes');
  for (const n of record.decisionNotes) item(show(n.discussedOn, tz), n, ['discussedOn']);

  heading('Outcome measures');
  if (!record.measures.length) none('measures');
  for (const m of record.measures) item(`${show(m.instrument, tz)}, ${show(m.takenOn, tz)}`, m);

  heading('Consents to share');
  if (!record.consents.length) none('consents');
  for (const c of record.consents) {
    doc.moveDown(0.4);
    para(`${c.recipient} (${CONSENT_STATE_LABELS[c.state] ?? c.state})`, { size: 11, bold: true });
    para(`Purpose: ${c.purpose}`);
    para(`Information: ${information(c.information)}`);
    para(`Signed: ${showDate(c.signedOn)}`);
    if (c.expiresOn) para(`Ends: ${showDate(c.expiresOn)}`);
    if (c.expiresOnEvent) para(`Ends when: ${c.expiresOnEvent}`);
    if (c.eventOccurredOn) para(`That happened on: ${showDate(c.eventOccurredOn)}`);
    if (c.revokedOn) para(`Withdrawn: ${showDate(c.revokedOn)}`);
    if (c.part2) para('Covers substance use disorder records (42 CFR Part 2)');
  }

  heading('What we shared, and with whom');
  if (!record.disclosures.length) none('disclosures');
  for (const x of record.disclosures) {
    doc.moveDown(0.4);
    para(`${showDate(x.disclosedOn)}: ${x.recipient}`, { size: 11, bold: true });
    para(`Information: ${information(x.information)}`);
    para(`How: ${DISCLOSURE_METHOD_LABELS[x.method] ?? x.method}`);
    para(`Purpose: ${x.purpose}`);
    para(x.emergency ? `Emergency, without consent: ${x.reason ?? ''}` : 'Under your consent');
    para(`Shared by: ${x.byName}`);
    if (x.redisclosureNotice) para(x.redisclosureNotice, { size: 8.5, color: MUTED });
  }

  doc.moveDown(1);
  para(`PeerPath · ${meta.orgName} · prepared ${showDate(record.generatedOn)}`, {
    size: 7.5,
    color: MUTED,
  });
  doc.end();
  return done;
}

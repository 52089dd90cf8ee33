import { stringify } from 'csv-stringify/sync';
import { INFORMATION_LABELS, type Disclosure } from '@peerpath/shared';

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) gets a leading apostrophe (OWASP CSV injection).
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export const ACCOUNTING_CSV_HEADER = [
  'date',
  'recipient',
  'information',
  'purpose',
  'consent or emergency reason',
  'who',
  'redisclosure notice',
] as const;

/**
 * The accounting of disclosures (SPEC §10) as CSV, newest first: the day,
 * the recipient, what was sent, the purpose, the consent it was made under
 * (or the emergency reason), who shared it, and the 42 CFR 2.32 notice for a
 * disclosure under a Part 2 consent.
 */
export function writeAccountingCsv(items: Disclosure[]): Buffer {
  const rows = items.map((x) => [
    x.disclosedOn,
    inert(x.recipient),
    x.information.map((k) => INFORMATION_LABELS[k] ?? k).join('; '),
    inert(x.purpose),
    x.emergency ? inert(`emergency: ${x.reason ?? ''}`) : `consent ${x.consentId ?? ''}`,
    inert(x.byName),
    x.redisclosureNotice ?? '',
  ]);
  return Buffer.from(stringify([[...ACCOUNTING_CSV_HEADER], ...rows]), 'utf8');
}

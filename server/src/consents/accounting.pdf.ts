import {
  DISCLOSURE_METHOD_LABELS,
  INFORMATION_LABELS,
  PART2_REDISCLOSURE_NOTICE,
  type Disclosure,
} from '@peerpath/shared';
import { flowWriter, PDF_MUTED as MUTED, showDate, startPdf } from '../common/pdf';

export interface AccountingPdfMeta {
  orgName: string;
  /** The person's name as they are called. */
  personName: string;
  from: string;
  to: string;
  generatedOn: string;
}

/**
 * The accounting of disclosures (SPEC §10, 42 CFR 2.24–2.25) as a plain PDF
 * for the person: every time information about them went to someone, newest
 * first, with what, how, why, under which consent or for which emergency,
 * and who shared it. A disclosure under a Part 2 consent prints the
 * 42 CFR 2.32 notice with it.
 */
export function writeAccountingPdf(items: Disclosure[], meta: AccountingPdfMeta): Promise<Buffer> {
  const { doc, done } = startPdf({
    title: 'Accounting of disclosures',
    orgName: meta.orgName,
    subject: `${meta.from} to ${meta.to}`,
    margin: 50,
  });
  const { para, heading } = flowWriter(doc);

  para(meta.orgName, { size: 10, bold: true, color: MUTED });
  para(`Who we shared your information with: ${meta.personName}`, { size: 18, bold: true });
  para(
    `From ${showDate(meta.from)} to ${showDate(meta.to)}. Prepared on ${showDate(meta.generatedOn)}.`,
    { color: MUTED },
  );
  doc.moveDown(0.5);
  para(
    'This is a list of every time we shared information about you with someone outside our team in this period: ' +
      'the day, who received it, what it was, how we sent it, why, and who on our team shared it. ' +
      'Most of it was shared because you agreed to it in a signed consent. If we ever had to share something ' +
      'in an emergency without asking you first, it is listed here with the reason.',
  );
  para('You can ask us about anything on this list, and you can withdraw a consent at any time.', {
    color: MUTED,
  });

  heading(items.length === 1 ? 'One time we shared' : `What we shared (${items.length} times)`);
  if (items.length === 0) para('We did not share information about you in this period.');
  let part2 = false;
  for (const x of items) {
    doc.moveDown(0.5);
    para(`${showDate(x.disclosedOn)}: ${x.recipient}`, { size: 11, bold: true });
    para(`What: ${x.information.map((k) => INFORMATION_LABELS[k] ?? k).join(', ')}`);
    para(`How: ${DISCLOSURE_METHOD_LABELS[x.method] ?? x.method}`);
    if (x.emergency) {
      para(`In an emergency, without asking you first. Why: ${x.reason ?? x.purpose}`);
    } else {
      para(`Why: ${x.purpose}`);
      para('You agreed to this in a signed consent.');
    }
    para(`Shared by: ${x.byName}`);
    if (x.redisclosureNotice) {
      part2 = true;
      para('This was shared with the notice below (42 CFR 2.32).', { size: 9, color: MUTED });
    }
  }

  if (part2) {
    heading('The notice sent with substance use records (42 CFR 2.32)');
    para(
      'Information about substance use treatment is protected by a federal law (42 CFR Part 2). ' +
        'When we share it with your consent, this notice goes with it:',
      { size: 9.5 },
    );
    doc.moveDown(0.3);
    para(PART2_REDISCLOSURE_NOTICE, { size: 8.5, color: MUTED });
  }

  doc.moveDown(1);
  para(
    `PeerPath · ${meta.orgName} · ${showDate(meta.from)} to ${showDate(meta.to)} · prepared ${showDate(meta.generatedOn)}`,
    { size: 7.5, color: MUTED },
  );
  doc.end();
  return done;
}

import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import GlobalStyles from '@mui/material/GlobalStyles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import {
  INFORMATION_KINDS,
  INFORMATION_LABELS,
  PART2_REDISCLOSURE_NOTICE,
  type InformationKind,
} from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';

/** What a consent form shows: a stored consent, or one still being written. */
export interface ConsentDraft {
  recipient: string;
  purpose: string;
  information: readonly InformationKind[];
  part2: boolean;
  signedOn?: string | null;
  expiresOn?: string | null;
  expiresOnEvent?: string | null;
}

/** What each kind of information means, said to the person. */
const INFORMATION_PLAIN: Record<InformationKind, string> = {
  attendance: 'When I came to sessions and groups, and when I did not',
  plan: 'My recovery plan: my goals and the steps I chose',
  notes: 'Notes my peer worker wrote about our sessions',
  measures: 'My answers to questionnaires about how I am doing, and their scores',
  advocacy: 'What my peer worker did to stand up for me with other services',
  contact_details: 'My address, phone number and email',
  substance_use_records:
    'Records about my use of alcohol or drugs and any treatment or support for it. These are protected by a federal law (42 CFR Part 2).',
};

/** A line to write on, with what goes on it underneath. */
function Blank({ label, value }: { label: string; value?: string | null }) {
  return (
    <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
      <Box
        sx={{
          borderBottom: '1px solid',
          borderColor: 'text.primary',
          minHeight: 32,
          display: 'flex',
          alignItems: 'flex-end',
          px: 0.5,
        }}
      >
        <Typography component="span">{value ?? ''}</Typography>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

function Part({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2.5, breakInside: 'avoid' }}>
      <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}>
        {n}. {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * The consent form for the person to read and sign, in plain words, with
 * every element of 42 CFR 2.31: who shares, who receives, why, what
 * (substance use records called out), until when, the right to withdraw,
 * and lines to sign and date. Blank where the draft has nothing yet.
 */
export function ConsentFormCopy({
  draft,
  personName,
}: {
  draft: ConsentDraft;
  personName: string;
}) {
  const part2 = draft.part2 || draft.information.includes('substance_use_records');
  const chosen = INFORMATION_KINDS.filter((k) => draft.information.includes(k));
  const ends = [
    draft.expiresOn ? `on ${formatDate(draft.expiresOn)}` : null,
    draft.expiresOnEvent ? `when this happens: “${draft.expiresOnEvent}”` : null,
  ].filter(Boolean);
  return (
    <Box className="peerpath-print-copy" data-testid="consent-form" sx={{ maxWidth: 760 }}>
      <Typography variant="h2" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
        Consent to share my information
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Please read this with your peer worker. Ask about anything that is not clear. You do not
        have to sign it.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <Blank label="My name" value={personName} />
      </Box>

      <Part n={1} title="Who will share it">
        <Typography>
          The peer support program that keeps my record, through my peer worker and their team:
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Blank label="Name of the program" />
        </Box>
      </Part>

      <Part n={2} title="Who will receive it">
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Blank label="Person or organisation" value={draft.recipient || null} />
        </Box>
      </Part>

      <Part n={3} title="Why it will be shared">
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Blank label="The purpose" value={draft.purpose || null} />
        </Box>
      </Part>

      <Part n={4} title="What may be shared">
        {chosen.length === 0 ? (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Blank label="The information" />
          </Box>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {chosen.map((k) => (
              <li key={k}>
                <Typography>
                  <strong>{INFORMATION_LABELS[k]}</strong>: {INFORMATION_PLAIN[k]}
                </Typography>
              </li>
            ))}
          </Box>
        )}
        <Typography sx={{ mt: 1 }}>
          {chosen.includes('substance_use_records') ? (
            <strong>This consent includes records about my substance use (42 CFR Part 2).</strong>
          ) : (
            <>
              This consent does <strong>not</strong> include records about my substance use.
            </>
          )}{' '}
          Nothing else is shared under this consent.
        </Typography>
      </Part>

      <Part n={5} title="When this consent ends">
        {ends.length > 0 ? (
          <Typography>This consent ends {ends.join(', or ')}, whichever comes first.</Typography>
        ) : (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Blank label="The date, or the event, when it ends" />
          </Box>
        )}
      </Part>

      <Part n={6} title="I can change my mind">
        <Typography>
          I can withdraw this consent at any time by telling my peer worker, in writing or in
          person. From that day on, nothing more is shared under it. Information already shared
          before then cannot be taken back.
        </Typography>
        <Typography sx={{ mt: 1 }}>
          Saying no, or withdrawing later, does not change the support I get from this program.
        </Typography>
      </Part>

      <Part n={7} title="After it is shared">
        {part2 ? (
          <>
            <Typography>
              Substance use records are sent with this notice, which the receiver must follow:
            </Typography>
            <Typography variant="body2" sx={{ mt: 1, fontSize: '0.8rem' }}>
              {PART2_REDISCLOSURE_NOTICE}
            </Typography>
          </>
        ) : (
          <Typography>
            Once the receiver has my information, the privacy laws that bind this program may no
            longer protect it, and the receiver may share it again.
          </Typography>
        )}
      </Part>

      <Part n={8} title="Signatures">
        <Typography sx={{ mb: 1 }}>
          I have read this form, or had it read to me, and I agree to share the information above.
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <Blank label="My signature" />
          <Blank label="Date" value={draft.signedOn ? formatDate(draft.signedOn) : null} />
        </Box>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <Blank label="If signed for me: name, signature and how they may act for me" />
          <Blank label="Date" />
        </Box>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Blank label="Peer worker’s signature" />
          <Blank label="Date" />
        </Box>
      </Part>
      <Typography variant="caption" color="text.secondary">
        The person signing gets a copy of this form.
      </Typography>
    </Box>
  );
}

/**
 * On paper only the form: while the print dialog is open the page behind it,
 * the dialog's frame and its buttons are left out.
 */
function DialogPrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          'body > #root': { display: 'none !important' },
          '.peerpath-consent-print .MuiBackdrop-root, .peerpath-consent-print .MuiDialogTitle-root, .peerpath-consent-print .MuiDialogActions-root':
            { display: 'none !important' },
          '.peerpath-consent-print, .peerpath-consent-print .MuiDialog-container': {
            position: 'static !important',
            height: 'auto !important',
          },
          '.peerpath-consent-print .MuiDialog-paper': {
            margin: '0 !important',
            maxHeight: 'none !important',
            maxWidth: 'none !important',
            boxShadow: 'none !important',
            overflow: 'visible !important',
          },
          '.peerpath-consent-print .MuiDialogContent-root': {
            overflow: 'visible !important',
            padding: '0 !important',
          },
          '.peerpath-print-copy, .peerpath-print-copy *': { color: '#000 !important' },
        },
      }}
    />
  );
}

/** The consent form in a dialog, ready to print: before it is saved, or of a stored consent. */
export function ConsentPrintDialog({
  draft,
  personName,
  onClose,
}: {
  draft: ConsentDraft;
  personName: string;
  onClose: () => void;
}) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  return (
    <Dialog
      open
      onClose={onClose}
      fullScreen={phone}
      maxWidth="md"
      fullWidth
      className="peerpath-consent-print"
      aria-labelledby="consent-print-title"
    >
      <DialogPrintStyles />
      <DialogTitle id="consent-print-title">The consent form to sign</DialogTitle>
      <DialogContent>
        <ConsentFormCopy draft={draft} personName={personName} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" startIcon={<PrintOutlined />} onClick={() => window.print()}>
          Print
        </Button>
      </DialogActions>
    </Dialog>
  );
}

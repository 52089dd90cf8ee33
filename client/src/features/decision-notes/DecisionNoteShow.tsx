import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { DecidedBy, DecisionNote } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';

/** Marks anything that should not be printed (buttons, links back). */
export const NO_PRINT = 'peerpath-no-print';

/** Prints the page (the copy, under PrintStyles); `onPrinted` once the print dialog closes. */
export function PrintButton({ onPrinted }: { onPrinted: () => void }) {
  return (
    <Button
      variant="contained"
      startIcon={<PrintOutlined />}
      onClick={() => {
        window.print();
        onPrinted();
      }}
    >
      Print
    </Button>
  );
}

/** The link back to a participant's page, above a record of theirs; not printed. */
export function BackToParticipant({ id, name }: { id: string; name: string }) {
  return (
    <Link
      href={`/participants/${id}`}
      className={NO_PRINT}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
    >
      <ArrowBackOutlined fontSize="small" aria-hidden />
      Back to {name}
    </Link>
  );
}

/**
 * On paper only the participant's copy: the app's bar, navigation, skip
 * link and buttons are left out, and the copy prints black on white.
 */
export function PrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          [`header, nav, .MuiDrawer-root, .MuiAppBar-root, .MuiSnackbar-root, a[href="#main"], .${NO_PRINT}`]:
            { display: 'none !important' },
          'html, body': { background: '#fff !important', color: '#000 !important' },
          'main, #main': { padding: '0 !important', margin: '0 !important' },
          'main > .MuiToolbar-root': { display: 'none !important' },
          '.peerpath-print-copy': {
            border: '0 !important',
            boxShadow: 'none !important',
            background: '#fff !important',
            color: '#000 !important',
            padding: '0 !important',
          },
          '.peerpath-print-copy *': { color: '#000 !important' },
        },
      }}
    />
  );
}

/** Who decided, said to the participant. */
const DECIDED_BY_PLAIN: Record<DecidedBy, string> = {
  participant: 'You made this decision.',
  shared: 'We made this decision together.',
  deferred: 'You chose to take more time before deciding — that is completely okay.',
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 3, breakInside: 'avoid' }}>
      <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Text({ children }: { children: ReactNode }) {
  return (
    <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{children}</Typography>
  );
}

/** What speaks for or against a choice, after its lead-in in bold. */
function Weighed({ lead, children }: { lead: string; children: string }) {
  return (
    <Text>
      <Box component="span" sx={{ fontWeight: 600 }}>
        {lead}{' '}
      </Box>
      {children}
    </Text>
  );
}

function Quiet({ children }: { children: ReactNode }) {
  return <Typography color="text.secondary">{children}</Typography>;
}

/**
 * The note as a copy for the participant: plain, warm words, in the order
 * the conversation went. Printed with the browser's Print.
 */
export function DecisionNoteCopy({
  note,
  participantName,
  workerName,
}: {
  note: DecisionNote;
  participantName: string;
  workerName?: string;
}) {
  return (
    <Paper
      variant="outlined"
      className="peerpath-print-copy"
      component="article"
      aria-label="Copy for the participant"
      sx={{ p: { xs: 2, sm: 4 }, maxWidth: 760 }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        For {participantName}
        {workerName ? `, from your conversation with ${workerName}` : ''} on{' '}
        {formatDate(note.discussedOn)}
      </Typography>
      <Typography variant="h2" component="p" sx={{ fontSize: '1.6rem', fontWeight: 700, mb: 3 }}>
        Your decision: {note.topic}
      </Typography>

      <Part title="What we talked about">
        <Text>{note.topic}</Text>
      </Part>

      <Part title="The choices we looked at">
        <Box component="ol" sx={{ pl: 3, m: 0 }}>
          {note.options.map((o, i) => (
            <Box component="li" key={i} sx={{ mb: 1.5 }}>
              <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{o.label}</Typography>
              {o.pros && <Weighed lead="What could be good:">{o.pros}</Weighed>}
              {o.cons && <Weighed lead="What could be hard:">{o.cons}</Weighed>}
            </Box>
          ))}
        </Box>
      </Part>

      <Part title="What matters most to you">
        {note.participantPriorities ? (
          <Text>{note.participantPriorities}</Text>
        ) : (
          <Quiet>We did not write this down this time — you can always tell us.</Quiet>
        )}
      </Part>

      <Part title="What you decided">
        {note.decision ? <Text>{note.decision}</Text> : <Quiet>Nothing decided yet.</Quiet>}
        <Typography sx={{ mt: 1 }}>{DECIDED_BY_PLAIN[note.decidedBy]}</Typography>
      </Part>

      <Part title="Next steps">
        {note.nextSteps ? (
          <Text>{note.nextSteps}</Text>
        ) : (
          <Quiet>No next steps written down yet.</Quiet>
        )}
        {note.followUpOn && (
          <Typography sx={{ mt: 1 }}>
            We will check in with you again on {formatDate(note.followUpOn)}.
          </Typography>
        )}
      </Part>

      <Typography sx={{ mt: 2, fontStyle: 'italic' }}>
        This is your decision. You can change your mind at any time — just let us know, and we will
        talk it through again.
      </Typography>
    </Paper>
  );
}

import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import {
  CONSENT_SCAN_MAX_BYTES,
  CONSENT_STATE_LABELS,
  DISCLOSURE_METHOD_LABELS,
  INFORMATION_LABELS,
  type Consent,
  type InformationKind,
} from '@peerpath/shared';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { lazy, Suspense, useRef, useState } from 'react';
import { describeError, download } from '../../api';
import { FormError } from '../../components/FormError';
import { FormSkeleton } from '../../components/Skeletons';
import { formatDate, today } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { useParticipant } from '../participants/api';
import { participantLabel } from '../participants/names';
import { refusal } from './refusal';
import { useConsents, useDisclosures, useRevokeConsent, useUploadScan } from './api';
import { fileName, saveBlob } from '../../lib/saveBlob';

// The forms and their date pickers load when first opened.
const AddConsent = lazy(() => import('./AddConsent').then((m) => ({ default: m.AddConsent })));
// The printable copy of a consent, with its dialog, when first asked for.
const ConsentPrintDialog = lazy(() =>
  import('./ConsentFormCopy').then((m) => ({ default: m.ConsentPrintDialog })),
);
const RecordDisclosure = lazy(() =>
  import('./DisclosureForm').then((m) => ({ default: m.RecordDisclosure })),
);
const CopyForPrompt = lazy(() =>
  import('./DisclosureForm').then((m) => ({ default: m.CopyForPrompt })),
);

const what = (list: readonly InformationKind[]) =>
  list.map((k) => INFORMATION_LABELS[k].toLowerCase()).join(', ');

function ends(c: Consent): string {
  if (c.revokedOn) return `withdrawn on ${formatDate(c.revokedOn)}`;
  if (c.eventOccurredOn) return `ended on ${formatDate(c.eventOccurredOn)} (${c.expiresOnEvent})`;
  const parts = [
    c.expiresOn ? `until ${formatDate(c.expiresOn)}` : null,
    // The end event in the person's words, as they were written.
    c.expiresOnEvent ? `until “${c.expiresOnEvent}”` : null,
  ];
  return parts.filter(Boolean).join(', or ');
}

/** Saves a file the server answers with, under the name it gives. */
async function saveFile(path: string, query: Record<string, string>, fallback: string) {
  const { blob, filename } = await download(path, query);
  saveBlob(blob, fileName(filename, fallback));
}

const SCAN_KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The signed copy of a consent: add or replace it (a PDF, PNG or JPEG up to 5 MB), or open it. */
function SignedCopy({ consent: c, participantId }: { consent: Consent; participantId: string }) {
  const upload = useUploadScan(participantId);
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const choose = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > CONSENT_SCAN_MAX_BYTES) {
      setError('That file is larger than 5 MB. Scan it at a lower resolution, or as a PDF.');
      return;
    }
    try {
      await upload.mutateAsync({ id: c.id, file });
      notify('Signed copy kept with the consent');
    } catch (e) {
      setError(refusal(e));
    }
  };
  const open = async () => {
    setError(null);
    try {
      await saveFile(`/consents/${c.id}/scan`, {}, 'signed-consent');
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        hidden
        onChange={(e) => {
          void choose(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {c.scan && (
        <Button size="small" startIcon={<DownloadOutlined />} onClick={() => void open()}>
          Signed copy ({SCAN_KIND[c.scan.contentType]}, {size(c.scan.sizeBytes)})
        </Button>
      )}
      <Button
        size="small"
        onClick={() => input.current?.click()}
        startIcon={<UploadFileOutlined />}
        disabled={upload.isPending}
        aria-label={`${c.hasScan ? 'Replace' : 'Add'} the signed copy of the consent for ${c.recipient}`}
      >
        {upload.isPending
          ? 'Keeping…'
          : c.hasScan
            ? 'Replace the signed copy'
            : 'Add the signed copy'}
      </Button>
      {error && (
        <Alert severity="error" sx={{ width: '100%' }}>
          {error}
        </Alert>
      )}
    </>
  );
}

/** Consents to share, withdrawing one, recording what was shared, and the accounting (SPEC §10). */
export function ConsentsCard({ participantId }: { participantId: string }) {
  const consents = useConsents(participantId);
  const disclosures = useDisclosures(participantId);
  const revoke = useRevokeConsent(participantId);
  const participant = useParticipant(participantId);
  const personName = participant.data ? participantLabel(participant.data) : '';
  const [printing, setPrinting] = useState<Consent | null>(null);
  // After the person's record is downloaded: whom it is for, and the prompt when it is someone else.
  const [recordFor, setRecordFor] = useState(false);
  const notify = useNotify();
  const [open, setOpen] = useState<'consent' | 'disclosure' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'record' | 'accounting' | 'accountingPdf' | null>(null);
  const fetchFile = async (which: 'record' | 'accounting' | 'accountingPdf') => {
    setError(null);
    setSaving(which);
    try {
      if (which === 'record') {
        await saveFile(
          `/participants/${participantId}/record`,
          { format: 'pdf' },
          'peerpath-record.pdf',
        );
        setRecordFor(true);
      } else if (which === 'accountingPdf')
        await saveFile(
          `/participants/${participantId}/disclosures`,
          { format: 'pdf' },
          'peerpath-disclosures.pdf',
        );
      else
        await saveFile(
          `/participants/${participantId}/disclosures`,
          { format: 'csv' },
          'peerpath-disclosures.csv',
        );
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(null);
    }
  };
  const withdraw = async (c: Consent) => {
    setError(null);
    try {
      await revoke.mutateAsync({ id: c.id, revokedOn: today() });
      notify(`Consent for ${c.recipient} withdrawn from today`);
    } catch (e) {
      setError(refusal(e));
    }
  };
  return (
    <>
      <FormError message={error} />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Button variant="outlined" onClick={() => setOpen('consent')}>
          Add a consent
        </Button>
        <Button variant="outlined" onClick={() => setOpen('disclosure')}>
          Record sharing
        </Button>
        <Button
          startIcon={<DownloadOutlined />}
          onClick={() => void fetchFile('record')}
          disabled={saving !== null}
        >
          {saving === 'record' ? 'Preparing…' : 'Download their record (PDF)'}
        </Button>
        <Button
          startIcon={<DownloadOutlined />}
          onClick={() => void fetchFile('accounting')}
          disabled={saving !== null}
        >
          {saving === 'accounting' ? 'Preparing…' : 'Download the accounting (CSV)'}
        </Button>
        <Button
          startIcon={<DownloadOutlined />}
          onClick={() => void fetchFile('accountingPdf')}
          disabled={saving !== null}
        >
          {saving === 'accountingPdf' ? 'Preparing…' : 'Who we shared with (PDF, for them)'}
        </Button>
      </Box>
      <Suspense fallback={<FormSkeleton label="Opening the form…" />}>
        {recordFor && (
          <CopyForPrompt
            participantId={participantId}
            personName={personName}
            copy="this copy of their record"
            prefill={{
              information: [
                'attendance',
                'plan',
                'notes',
                'measures',
                'advocacy',
                'contact_details',
              ],
              method: 'in_person',
            }}
            onDone={() => setRecordFor(false)}
          />
        )}
        {open === 'consent' && (
          <AddConsent
            participantId={participantId}
            personName={personName}
            onDone={() => setOpen(null)}
          />
        )}
        {open === 'disclosure' && (
          <RecordDisclosure participantId={participantId} onDone={() => setOpen(null)} />
        )}
      </Suspense>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        Consents
      </Typography>
      {consents.data?.items.length === 0 && (
        <Typography color="text.secondary">
          No consents yet. Add one when the person agrees to share with someone.
        </Typography>
      )}
      <List dense>
        {consents.data?.items.map((c) => (
          <ListItem key={c.id} sx={{ display: 'block', px: 0 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography sx={{ fontWeight: 600 }}>{c.recipient}</Typography>
              <Chip
                size="small"
                label={CONSENT_STATE_LABELS[c.state]}
                color={c.state === 'in_force' ? 'success' : 'default'}
              />
              {c.part2 && <Chip size="small" label="Part 2" variant="outlined" />}
            </Box>
            <Typography variant="body2">
              {c.purpose} · {what(c.information)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Signed {formatDate(c.signedOn)}, {ends(c)}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <Button
                size="small"
                startIcon={<PrintOutlined />}
                onClick={() => setPrinting(c)}
                aria-label={`Print the consent form for ${c.recipient}`}
              >
                Print the form
              </Button>
              <SignedCopy consent={c} participantId={participantId} />
              {c.state === 'in_force' && (
                <Button size="small" onClick={() => void withdraw(c)} disabled={revoke.isPending}>
                  Withdraw from today
                </Button>
              )}
            </Box>
          </ListItem>
        ))}
      </List>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        What was shared (last three years)
      </Typography>
      {disclosures.data?.items.length === 0 && (
        <Typography color="text.secondary">Nothing shared yet.</Typography>
      )}
      <List dense>
        {disclosures.data?.items.map((d) => (
          <ListItem key={d.id} sx={{ display: 'block', px: 0 }}>
            <Typography variant="body2">
              <strong>{formatDate(d.disclosedOn)}</strong> · {d.recipient} · {what(d.information)} ·{' '}
              {DISCLOSURE_METHOD_LABELS[d.method]}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {d.emergency ? `Emergency: ${d.reason}` : d.purpose} · by {d.byName}
            </Typography>
          </ListItem>
        ))}
      </List>
      {printing && (
        <Suspense fallback={null}>
          <ConsentPrintDialog
            draft={printing}
            personName={personName}
            onClose={() => setPrinting(null)}
          />
        </Suspense>
      )}
    </>
  );
}

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import {
  NOTE_FORMATS,
  NOTE_LABELS,
  NOTE_SECTIONS,
  type NoteFormat,
  type NoteSectionName,
  type NoteSections,
  type SessionNote,
} from '@peerpath/shared';
import { useState } from 'react';
import { describeError } from '../../api';
import { formatDateTime } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { useUserName } from '../users/api';
import { useActivePlan, useCreateNote, useNoteAction, useUpdateNote } from './api';

/** The section a shared "what the group covered" text starts in, for each format. */
const SHARED_SECTION: Record<NoteFormat, NoteSectionName> = {
  free: 'text',
  girp: 'intervention',
  dap: 'data',
  birp: 'intervention',
};

export interface NotePerson {
  id: string;
  name: string;
}

/** Other attendees' first names found in the text, so no note names anyone else. */
export function namesMentioned(text: string, others: readonly string[]): string[] {
  return others.filter((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}])${escaped}([^\\p{L}]|$)`, 'iu').test(text);
  });
}

interface Props {
  sessionId: string;
  person: NotePerson;
  note: SessionNote | undefined;
  teamFormat: NoteFormat;
  /** What the group covered: a starting point only, copied in and edited for this person. */
  shared: string;
  /** First names of the session's other attendees, never to appear in this note. */
  otherNames: string[];
  canWrite: boolean;
  canSign: boolean;
  /** After a save or a signature: the facilitator goes on to the next person. */
  onDone?: () => void;
}

/** One attendee's note: written, linked to their goals, signed, then only added to. */
export function NoteEditor(props: Props) {
  const { note } = props;
  if (note && note.status !== 'draft') return <SignedNote {...props} note={note} />;
  return <DraftNote {...props} />;
}

function DraftNote({
  sessionId,
  person,
  note,
  teamFormat,
  shared,
  otherNames,
  canWrite,
  canSign,
  onDone,
}: Props) {
  const notify = useNotify();
  const plan = useActivePlan(person.id);
  const create = useCreateNote(sessionId);
  const update = useUpdateNote();
  const action = useNoteAction();
  const [format, setFormat] = useState<NoteFormat>(note?.format ?? teamFormat);
  const [sections, setSections] = useState<NoteSections>(note?.sections ?? {});
  const [goalIds, setGoalIds] = useState<string[]>(note?.goalIds ?? []);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const busy = create.isPending || update.isPending || action.isPending;

  const names = NOTE_SECTIONS[format] as readonly NoteSectionName[];
  const text = names.map((n) => sections[n] ?? '').join('\n');
  const mentioned = namesMentioned(text, otherNames);
  const empty = names.filter((n) => !(sections[n] ?? '').trim());
  const goals = (plan.data?.goals ?? []).filter(
    (g) => g.status === 'active' || goalIds.includes(g.id),
  );
  const startIn = SHARED_SECTION[format];

  const save = async (): Promise<SessionNote | null> => {
    const body = {
      format,
      sections: Object.fromEntries(names.map((n) => [n, sections[n] ?? ''])),
      goalIds,
    };
    try {
      setErrors({});
      return note
        ? await update.mutateAsync({ id: note.id, version: note.version, ...body })
        : await create.mutateAsync({ participantId: person.id, ...body });
    } catch (error) {
      const e = error as { errors?: Record<string, string[]> };
      if (e.errors) setErrors(e.errors);
      notify(describeError(error));
      return null;
    }
  };

  const saveDraft = async () => {
    if (await save()) notify(`Draft saved for ${person.name}`);
  };

  const sign = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      await action.mutateAsync({ id: saved.id, action: 'sign', body: { version: saved.version } });
      notify(`Signed ${person.name}’s note`);
      onDone?.();
    } catch (error) {
      notify(describeError(error));
    }
  };

  if (!canWrite) {
    return (
      <Typography color="text.secondary">
        {note ? 'A draft is being written for this person.' : 'No note written yet.'}
      </Typography>
    );
  }

  return (
    <Stack spacing={2}>
      {note?.returnedComment && (
        <Alert severity="warning">
          Returned by a supervisor: “{note.returnedComment}” Change the note, then sign it again.
        </Alert>
      )}
      <TextField
        select
        label="How the note is written"
        value={format}
        onChange={(e) => setFormat(e.target.value as NoteFormat)}
        sx={{ maxWidth: 420 }}
        helperText={format === teamFormat ? 'Your team’s usual format' : undefined}
      >
        {NOTE_FORMATS.map((f) => (
          <MenuItem key={f} value={f}>
            {NOTE_LABELS.format[f]}
          </MenuItem>
        ))}
      </TextField>
      {shared.trim() && !(sections[startIn] ?? '').trim() && (
        <Box>
          <Button
            variant="outlined"
            onClick={() => setSections((s) => ({ ...s, [startIn]: shared.trim() }))}
          >
            Start from what the group covered
          </Button>
        </Box>
      )}
      {names.map((n) => {
        const fieldError = errors[`sections.${n}`]?.[0];
        return (
          <TextField
            key={n}
            label={NOTE_LABELS.section[n]}
            value={sections[n] ?? ''}
            onChange={(e) => setSections((s) => ({ ...s, [n]: e.target.value }))}
            multiline
            minRows={format === 'free' ? 5 : 2}
            required
            error={Boolean(fieldError)}
            helperText={fieldError ?? NOTE_LABELS.prompt[n]}
            slotProps={{ htmlInput: { 'data-section': n } }}
          />
        );
      })}
      {mentioned.length > 0 && (
        <Alert severity="error" role="alert">
          This note names {mentioned.join(' and ')}. Each note is about {person.name} alone: please
          take other people’s names out before saving.
        </Alert>
      )}
      <Box>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Goals we worked on
        </Typography>
        {plan.isLoading ? (
          <Typography color="text.secondary">Loading their plan…</Typography>
        ) : goals.length === 0 ? (
          <Typography color="text.secondary">
            {person.name} has no plan in use yet, so there are no goals to link.
          </Typography>
        ) : (
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} role="group" aria-label="Goals">
            {goals.map((g) => {
              const on = goalIds.includes(g.id);
              return (
                <Chip
                  key={g.id}
                  label={g.statement}
                  color={on ? 'primary' : 'default'}
                  variant={on ? 'filled' : 'outlined'}
                  aria-pressed={on}
                  onClick={() =>
                    setGoalIds((ids) => (on ? ids.filter((x) => x !== g.id) : [...ids, g.id]))
                  }
                  sx={{
                    minHeight: 40,
                    maxWidth: '100%',
                    '& .MuiChip-label': { whiteSpace: 'normal' },
                  }}
                />
              );
            })}
          </Stack>
        )}
        {errors.goalIds && (
          <Typography color="error" variant="body2">
            {errors.goalIds[0]}
          </Typography>
        )}
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <Button
          variant="outlined"
          size="large"
          disabled={busy || mentioned.length > 0}
          onClick={() => void saveDraft()}
        >
          Save draft
        </Button>
        {canSign && (
          <Button
            variant="contained"
            size="large"
            disabled={busy || mentioned.length > 0 || empty.length > 0}
            onClick={() => void sign()}
          >
            Sign note
          </Button>
        )}
      </Stack>
      {canSign && empty.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Fill in every part to sign. Once signed, the note is locked: you can still add to it.
        </Typography>
      )}
    </Stack>
  );
}

function SignedNote({ note, person, canWrite }: Props & { note: SessionNote }) {
  const notify = useNotify();
  const userName = useUserName();
  const plan = useActivePlan(person.id);
  const action = useNoteAction();
  const [addendum, setAddendum] = useState('');
  const goalText = new Map((plan.data?.goals ?? []).map((g) => [g.id, g.statement]));

  const add = async () => {
    try {
      await action.mutateAsync({ id: note.id, action: 'addenda', body: { text: addendum.trim() } });
      setAddendum('');
      notify('Addendum added');
    } catch (error) {
      notify(describeError(error));
    }
  };

  return (
    <Stack spacing={2}>
      <NoteStatusLine note={note} signerName={note.signedById ? userName(note.signedById) : ''} />
      <NoteBody note={note} goalText={goalText} />
      <NoteAddenda note={note} heading="h3" />
      {canWrite && (
        <Stack spacing={1}>
          <TextField
            label="Add to this note"
            helperText="The signed note stays as it is; what you add is shown with the date and your name."
            value={addendum}
            onChange={(e) => setAddendum(e.target.value)}
            multiline
            minRows={2}
          />
          <Box>
            <Button
              variant="outlined"
              size="large"
              disabled={!addendum.trim() || action.isPending}
              onClick={() => void add()}
            >
              Add addendum
            </Button>
          </Box>
        </Stack>
      )}
    </Stack>
  );
}

/** Signed when and by whom, the late flag and the co-signature, in one line of chips. */
export function NoteStatusLine({ note, signerName }: { note: SessionNote; signerName: string }) {
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <Chip
        color={note.status === 'draft' ? 'default' : 'success'}
        label={NOTE_LABELS.status[note.status]}
        size="small"
      />
      {note.signedAt && (
        <Typography variant="body2" color="text.secondary">
          Signed {formatDateTime(note.signedAt)}
          {signerName ? ` by ${signerName}` : ''}
        </Typography>
      )}
      {note.late && <Chip color="warning" size="small" label="Signed late" />}
      {note.awaitingCosign && (
        <Chip color="info" size="small" variant="outlined" label="Waiting for co-signature" />
      )}
    </Stack>
  );
}

/** What was added to a signed note later, each with when and by whom; nothing when none. */
export function NoteAddenda({
  note,
  heading,
  sx,
}: {
  note: SessionNote;
  /** The level of its heading, under the heading of the note. */
  heading: 'h3' | 'h4';
  sx?: SxProps<Theme>;
}) {
  const userName = useUserName();
  if (note.addenda.length === 0) return null;
  return (
    <Box sx={sx}>
      <Typography variant="subtitle2" component={heading}>
        Added later
      </Typography>
      {note.addenda.map((a) => (
        <Box key={a.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, my: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {formatDateTime(a.at)} · {userName(a.byId)}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{a.text}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/** The sections of a note and the goals it worked on. */
export function NoteBody({
  note,
  goalText,
}: {
  note: SessionNote;
  goalText?: ReadonlyMap<string, string>;
}) {
  const names = NOTE_SECTIONS[note.format] as readonly NoteSectionName[];
  return (
    <Stack spacing={1.5}>
      {names.map((n) => (
        <Box key={n}>
          {note.format !== 'free' && (
            <Typography variant="subtitle2" component="h3">
              {NOTE_LABELS.section[n]}
            </Typography>
          )}
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{note.sections[n]}</Typography>
        </Box>
      ))}
      {note.goalIds.length > 0 && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label="Goals worked on">
          {note.goalIds.map((id) => (
            <Chip
              key={id}
              size="small"
              color="primary"
              variant="outlined"
              label={goalText?.get(id) ?? 'A goal of their plan'}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

import ChevronRightOutlined from '@mui/icons-material/ChevronRightOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { AGENDA_ITEM_LABELS, type AgendaItem } from '@peerpath/shared';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useDeferredAnswer } from '../../api/deferred';
import { useCurrentUser } from '../../auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shape } from '../../components/Shape';
import { AgendaSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/dates';
import { useWorkerOptions } from '../users/api';
import { useAgenda } from './api';
import { SHAPES } from '../../theme/shapes';

// A supervisor's "Whose day" select: its code (a menu) is fetched beside the list of workers
// it shows, so the first paint of the home page does not wait for it.
const loadFilterSelect = () => import('../../components/FilterSelect');
const FilterSelect = lazy(() => loadFilterSelect().then((m) => ({ default: m.FilterSelect })));

/** People shown before "Show everyone"; the rest wait one tap away. */
const FIRST_PEOPLE = 5;
/** Items shown for each person before "N more for …". */
const FIRST_ITEMS = 3;

interface PersonGroup {
  key: string;
  participantId: string | null;
  name: string;
  items: AgendaItem[];
}

/** Items by person, in the order the first item of each person is due (oldest first). */
export function groupByPerson(items: readonly AgendaItem[]): PersonGroup[] {
  const groups = new Map<string, PersonGroup>();
  for (const item of items) {
    const key = item.participantId ?? item.participantName ?? 'other';
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        participantId: item.participantId,
        name: item.participantName ?? 'Not about one person',
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/**
 * "Due today", "Overdue by 3 days (since 12 Mar 2026)", or for a consent ending
 * soon "In 12 days (14 Apr 2026)": plain words, not only a colour.
 */
export function dueText(dueOn: string, day: string): { text: string; overdue: boolean } {
  const late = dayjs(`${day}T00:00:00`).diff(dayjs(`${dueOn}T00:00:00`), 'day');
  if (late < 0) {
    const ahead = -late;
    return {
      text: `In ${ahead} day${ahead === 1 ? '' : 's'} (${formatDate(dueOn)})`,
      overdue: false,
    };
  }
  if (late === 0) return { text: 'Due today', overdue: false };
  return {
    text: `Overdue by ${late} day${late === 1 ? '' : 's'} (since ${formatDate(dueOn)})`,
    overdue: true,
  };
}

/**
 * "Today" on the home page: what is due today or overdue, person by person,
 * each item one tap from where it is done. A supervisor may look at the day
 * of a worker of their team.
 */
export function TodayAgenda() {
  const me = useCurrentUser();
  const isSupervisor = me.role === 'supervisor';
  const workers = useWorkerOptions();
  const [workerId, setWorkerId] = useState(me.id);
  const [showAll, setShowAll] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const agenda = useAgenda(workerId === me.id ? undefined : workerId, me.role !== 'admin');
  const { data, isLoading } = useDeferredAnswer(agenda);
  useEffect(() => {
    if (isSupervisor) void loadFilterSelect().catch(() => undefined);
  }, [isSupervisor]);
  if (me.role === 'admin') return null;

  const day = data?.date;
  const groups = groupByPerson(data?.items ?? []);
  const shown = showAll ? groups : groups.slice(0, FIRST_PEOPLE);
  const count = data?.items.length ?? 0;
  const overdue = day ? (data?.items ?? []).filter((i) => i.dueOn < day).length : 0;
  const mine = workerId === me.id;
  const whose = mine ? 'you' : (workers.find((w) => w.value === workerId)?.label ?? 'them');

  return (
    <Box component="section" aria-labelledby="today-heading" sx={{ mb: 3 }}>
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 1,
          mb: 1,
        }}
      >
        <Box>
          <Typography id="today-heading" variant="h2" sx={{ fontSize: '1.35rem', fontWeight: 600 }}>
            Today{day ? `, ${formatDate(day)}` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary" aria-live="polite">
            {data
              ? count === 0
                ? `Nothing due for ${whose} today.`
                : `${count} thing${count === 1 ? '' : 's'} to do for ${whose}` +
                  (overdue > 0 ? `, ${overdue} overdue.` : '.')
              : 'Looking at what is due…'}
          </Typography>
        </Box>
        {isSupervisor && workers.length > 1 && (
          <Box sx={{ minWidth: 220 }}>
            <Suspense
              fallback={
                <div className={SHAPES} aria-hidden>
                  <Shape variant="rounded" height={40} />
                </div>
              }
            >
              <FilterSelect
                label="Whose day"
                value={workerId}
                options={workers}
                onChange={(v) => {
                  setWorkerId(v || me.id);
                  setShowAll(false);
                  setOpened(new Set());
                }}
              />
            </Suspense>
          </Box>
        )}
      </Box>
      {agenda.error && <ErrorAlert error={agenda.error} onRetry={() => void agenda.refetch()} />}
      {data && count === 0 && (
        <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 1.5, alignItems: 'center' }}>
          <EventAvailableOutlined color="success" aria-hidden />
          <Typography>
            {mine
              ? 'You are all caught up. A good day to check in with someone you have not seen in a while.'
              : 'All caught up: nothing is due or overdue.'}
          </Typography>
        </Paper>
      )}
      {isLoading && <AgendaSkeleton />}
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {day &&
          shown.map((g) => (
            <Paper
              key={g.key}
              variant="outlined"
              component="article"
              aria-label={g.name}
              sx={{ overflow: 'hidden' }}
            >
              <Box sx={{ px: 2, pt: 1.5, pb: 0.5 }}>
                <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 600 }}>
                  {g.participantId ? (
                    <Link href={`/participants/${g.participantId}`} underline="hover">
                      {g.name}
                    </Link>
                  ) : (
                    g.name
                  )}
                </Typography>
              </Box>
              <List disablePadding>
                {(opened.has(g.key) ? g.items : g.items.slice(0, FIRST_ITEMS)).map((item) => {
                  const due = dueText(item.dueOn, day);
                  return (
                    <ListItem key={`${item.kind}-${item.recordId}`} disablePadding>
                      <ListItemButton
                        component="a"
                        href={item.link}
                        divider
                        sx={{ minHeight: 56, gap: 1.5, alignItems: 'center' }}
                      >
                        <Box sx={{ flex: 1, minWidth: 0 }}>
                          <Typography
                            variant="overline"
                            component="div"
                            color="text.secondary"
                            sx={{ lineHeight: 1.6 }}
                          >
                            {AGENDA_ITEM_LABELS[item.kind]}
                          </Typography>
                          <Typography sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                            {item.title}
                          </Typography>
                          <Typography
                            variant="body2"
                            sx={{
                              color: due.overdue ? 'warning.dark' : 'text.secondary',
                              display: 'flex',
                              alignItems: 'center',
                              gap: 0.5,
                            }}
                          >
                            {due.overdue && <ScheduleOutlined fontSize="small" aria-hidden />}
                            {due.text}
                          </Typography>
                        </Box>
                        <ChevronRightOutlined color="action" aria-hidden />
                      </ListItemButton>
                    </ListItem>
                  );
                })}
              </List>
              {g.items.length > FIRST_ITEMS && !opened.has(g.key) && (
                <Button
                  fullWidth
                  sx={{ minHeight: 48, justifyContent: 'flex-start', px: 2 }}
                  onClick={() => setOpened(new Set([...opened, g.key]))}
                >
                  {g.items.length - FIRST_ITEMS} more for {g.name}
                </Button>
              )}
            </Paper>
          ))}
      </Box>
      {groups.length > FIRST_PEOPLE && (
        <Button sx={{ mt: 1 }} onClick={() => setShowAll(!showAll)}>
          {showAll
            ? 'Show fewer people'
            : `Show everyone (${groups.length - FIRST_PEOPLE} more ${groups.length - FIRST_PEOPLE === 1 ? 'person' : 'people'})`}
        </Button>
      )}
    </Box>
  );
}

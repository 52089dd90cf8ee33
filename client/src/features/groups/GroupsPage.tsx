import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { LABELS } from '@peerpath/shared';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { CardGridSkeleton } from '../../components/Skeletons';
import { useNotify } from '../../lib/notify';
import { useGroups } from './api';
import { GroupDialog } from './GroupDialog';
import { logMeetingPath, scheduleOf } from './schedule';

/** The team's recurring groups: each one tap from logging today's meeting. */
export function GroupsPage() {
  const groups = useGroups();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const notify = useNotify();
  const items = groups.data?.items ?? [];
  const sorted = [...items].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name),
  );
  return (
    <>
      <PageHeader
        title="Groups"
        subtitle="Groups that meet every week. Log a meeting with everyone already filled in."
        actions={
          <Button variant="contained" size="large" onClick={() => setCreating(true)}>
            Start a group
          </Button>
        }
      />
      {groups.error && <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.isLoading && <CardGridSkeleton />}
      {groups.data && items.length === 0 && (
        <EmptyState icon={<GroupsOutlined />} title="No groups yet">
          Start a group to keep its roster and log each meeting in a few taps.
        </EmptyState>
      )}
      <Box
        component="ul"
        aria-label="Groups"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' },
        }}
      >
        {sorted.map((g) => (
          <Box component="li" key={g.id}>
            <Card
              variant="outlined"
              sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
            >
              <CardContent sx={{ flex: 1 }}>
                <Typography variant="h3" component="h2" gutterBottom>
                  <Link component={RouterLink} to={`/groups/${g.id}`} underline="hover">
                    {g.name}
                  </Link>
                </Typography>
                <Typography color="text.secondary">{scheduleOf(g)}</Typography>
                <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
                  <Chip
                    size="small"
                    label={`${g.members.length} ${g.members.length === 1 ? 'member' : 'members'}`}
                    component={RouterLink}
                    to={`/groups/${g.id}`}
                    clickable
                  />
                  <Chip size="small" variant="outlined" label={LABELS.sessionType[g.type]} />
                  {!g.active && <Chip size="small" label="Not meeting now" />}
                </Box>
              </CardContent>
              {g.active && (
                <CardActions sx={{ px: 2, pb: 2 }}>
                  <Button
                    variant="contained"
                    size="large"
                    fullWidth
                    component={RouterLink}
                    to={logMeetingPath(g.id)}
                    aria-label={`Log today’s meeting of ${g.name}`}
                  >
                    Log today’s meeting
                  </Button>
                </CardActions>
              )}
            </Card>
          </Box>
        ))}
      </Box>
      {creating && (
        <GroupDialog
          open
          onClose={() => setCreating(false)}
          onSaved={(g) => {
            setCreating(false);
            notify('Group started');
            void navigate(`/groups/${g.id}`);
          }}
        />
      )}
    </>
  );
}

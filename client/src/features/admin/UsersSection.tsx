import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { LABELS, ROLES, type Role, type User } from '@peerpath/shared';
import { useMemo, useState } from 'react';
import { describeError } from '../../api';
import { useCurrentUser } from '../../auth';
import { ActiveStatus } from '../../components/ActiveStatus';
import { ChangeActivateActions } from '../../components/ChangeActivateActions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterSelect } from '../../components/FilterSelect';
import { SectionHeader } from '../../components/SectionHeader';
import { enumOptions } from '../../lib/options';
import { useNotify } from '../../lib/notify';
import { useTeams } from '../teams/api';
import { useUpdateUser, useUsers } from '../users/api';
import { UserDialog } from './UserDialog';

type StatusFilter = 'active' | 'inactive' | 'all';

export function UsersSection() {
  const me = useCurrentUser();
  const notify = useNotify();
  const teams = useTeams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [teamId, setTeamId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const update = useUpdateUser();
  const users = useUsers({
    page,
    pageSize,
    teamId: teamId || undefined,
    role: role || undefined,
    active: status === 'all' ? undefined : status === 'active',
  });

  const teamName = useMemo(() => {
    const names = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
    return (id: string | null) => (id ? (names.get(id) ?? '—') : 'All teams');
  }, [teams.data]);

  const columns: DataTableColumn<User>[] = [
    { field: 'displayName', header: 'Name', minWidth: 160 },
    { field: 'email', header: 'Email', minWidth: 200 },
    {
      field: 'role',
      header: 'Role',
      width: 170,
      value: (row) => LABELS.role[row.role],
    },
    {
      field: 'teamId',
      header: 'Team',
      minWidth: 150,
      value: (row) => teamName(row.teamId),
    },
    {
      field: 'active',
      header: 'Status',
      width: 130,
      render: (row) => <ActiveStatus active={row.active} />,
    },
    {
      field: 'actions',
      header: 'Actions',
      width: 210,
      render: (row) =>
        row.id === me.id ? (
          <Typography variant="body2" color="text.secondary">
            You
          </Typography>
        ) : (
          <ChangeActivateActions
            name={row.displayName}
            active={row.active}
            changeLabel={`Change ${row.displayName}: role, team or password`}
            size="small"
            onChange={() => setEditing(row)}
            onToggle={() => setConfirming(row)}
          />
        ),
    },
  ];

  const confirm = async () => {
    if (!confirming) return;
    const target = confirming;
    try {
      await update.mutateAsync({ id: target.id, body: { active: !target.active } });
      notify(`${target.displayName} ${target.active ? 'deactivated' : 'activated'}`);
    } catch (error) {
      notify(describeError(error));
    }
    setConfirming(null);
  };

  return (
    <Box component="section" aria-labelledby="users-heading">
      <SectionHeader
        id="users-heading"
        title="Users"
        action={
          <Button
            variant="contained"
            startIcon={<PersonAddOutlined />}
            onClick={() => setCreating(true)}
          >
            Create user
          </Button>
        }
      />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, minmax(0, 220px))' },
          gap: 2,
          mb: 2,
        }}
      >
        <FilterSelect
          label="Team"
          value={teamId}
          allLabel="All teams"
          options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
          onChange={(v) => {
            setTeamId(v);
            setPage(1);
          }}
        />
        <FilterSelect
          label="Role"
          value={role}
          allLabel="All roles"
          options={enumOptions(ROLES, LABELS.role)}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <FilterSelect<StatusFilter>
          label="Status"
          value={status}
          options={[
            { value: 'all', label: 'All' },
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Deactivated' },
          ]}
          onChange={(v) => {
            setStatus(v || 'all');
            setPage(1);
          }}
        />
      </Box>
      {users.error && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      <DataTable<User>
        label="Users"
        rows={users.data?.items ?? []}
        columns={columns}
        total={users.data?.total ?? 0}
        loading={users.isFetching}
        page={page}
        pageSize={pageSize}
        onPageChange={(p, size) => {
          setPage(size === pageSize ? p : 1);
          setPageSize(size);
        }}
      />
      <UserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(user, what) => {
          setCreating(false);
          notify(`${user.displayName} ${what}`);
        }}
      />
      <UserDialog
        open={Boolean(editing)}
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(user, what) => {
          setEditing(null);
          notify(`${user.displayName} ${what}`);
        }}
      />
      <ConfirmDialog
        open={Boolean(confirming)}
        title={
          confirming?.active
            ? `Deactivate ${confirming.displayName}?`
            : `Activate ${confirming?.displayName ?? ''}?`
        }
        confirmLabel={confirming?.active ? 'Deactivate' : 'Activate'}
        destructive={confirming?.active}
        busy={update.isPending}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(null)}
      >
        {confirming?.active
          ? 'They will be signed out straight away and will not be able to sign in. Everything they recorded stays in PeerPath. You can activate them again later.'
          : 'They will be able to sign in again with their existing password.'}
      </ConfirmDialog>
    </Box>
  );
}

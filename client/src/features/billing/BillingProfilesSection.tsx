import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PAGE_SIZE_MAX, type BillingProfile } from '@peerpath/shared';
import { useState } from 'react';
import { describeError } from '../../api';
import { ActiveStatus } from '../../components/ActiveStatus';
import { ChangeActivateActions } from '../../components/ChangeActivateActions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionHeader } from '../../components/SectionHeader';
import { useNotify } from '../../lib/notify';
import { useBillingProfiles, useUpdateBillingProfile } from './api';
import { BillingProfileDialog, ROUNDING_CHOICES } from './BillingProfileDialog';

const money = (n: number) => n.toLocaleString(undefined, { style: 'currency', currency: 'USD' });

/** What a profile bills, in one line: "H0038 HE (groups: HQ)". */
function codeLine(p: BillingProfile): string {
  const mods = p.modifiers.join(' ');
  return `${p.code}${mods ? ` ${mods}` : ''}${p.groupModifier ? ` (groups: ${p.groupModifier})` : ''}`;
}

/** The rules a line must meet, in plain words. */
function rulesLine(p: BillingProfile): string {
  const rules = [
    ROUNDING_CHOICES.find((r) => r.value === p.rounding)?.label ?? p.rounding,
    p.maxUnitsPerDay !== null ? `${p.maxUnitsPerDay} units a day` : null,
    p.maxGroupSize !== null ? `groups up to ${p.maxGroupSize}` : null,
    p.requiresActivePlan ? 'recovery plan' : null,
    p.requiresCosign ? 'co-signed notes' : null,
    p.requiresCredential ? 'certified worker' : null,
  ];
  return rules.filter(Boolean).join(' · ');
}

/**
 * Billing profiles (SPEC §13), for admins: each payer's rules. Billing is
 * off until one is added; a profile turned off stops its lines being billed.
 */
export function BillingProfilesSection() {
  const notify = useNotify();
  const profiles = useBillingProfiles();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<BillingProfile | null>(null);
  const [confirming, setConfirming] = useState<BillingProfile | null>(null);
  const toggle = useUpdateBillingProfile(confirming?.id ?? '');
  const items = profiles.data?.items ?? [];

  const columns: DataTableColumn<BillingProfile>[] = [
    { field: 'name', header: 'Name', minWidth: 180 },
    { field: 'code', header: 'Code', minWidth: 150, value: codeLine },
    { field: 'rounding', header: 'Rules', minWidth: 260, value: rulesLine },
    {
      field: 'unitRate',
      header: 'Per unit',
      width: 110,
      value: (p) => (p.unitRate === null ? '—' : money(p.unitRate)),
    },
    {
      field: 'active',
      header: 'Status',
      width: 130,
      render: (p) => <ActiveStatus active={p.active} on="In use" off="Turned off" />,
    },
    {
      field: 'actions',
      header: 'Actions',
      width: 210,
      render: (p) => (
        <ChangeActivateActions
          name={p.name}
          active={p.active}
          onChange={() => setEditing(p)}
          onToggle={() => setConfirming(p)}
        />
      ),
    },
  ];

  const confirm = async () => {
    if (!confirming) return;
    const target = confirming;
    try {
      await toggle.mutateAsync({ active: !target.active, version: target.version });
      notify(`${target.name} ${target.active ? 'turned off' : 'back in use'}`);
    } catch (error) {
      notify(describeError(error));
    }
    setConfirming(null);
  };

  return (
    <Box component="section" aria-labelledby="billing-profiles-heading" sx={{ mt: 4 }}>
      <SectionHeader
        id="billing-profiles-heading"
        title="Billing profiles"
        mb={1}
        action={
          <Button
            variant="contained"
            size="large"
            startIcon={<AddOutlined />}
            onClick={() => setAdding(true)}
          >
            Add billing profile
          </Button>
        }
      />
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        Each payer’s rules for billing peer support, such as Medicaid’s H0038. Billing stays off
        until you add one; then participants can be given coverage and supervisors see what is ready
        to bill.
      </Typography>
      {profiles.error && (
        <ErrorAlert error={profiles.error} onRetry={() => void profiles.refetch()} />
      )}
      <DataTable<BillingProfile>
        label="Billing profiles"
        rows={items}
        columns={columns}
        total={items.length}
        loading={profiles.isFetching}
        page={1}
        pageSize={PAGE_SIZE_MAX}
        onPageChange={() => undefined}
        empty="No billing profiles yet: billing is off."
      />
      <BillingProfileDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(p) => {
          setAdding(false);
          notify(`${p.name} added`);
        }}
      />
      <BillingProfileDialog
        open={Boolean(editing)}
        profile={editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          notify(`${p.name} saved`);
        }}
      />
      <ConfirmDialog
        open={Boolean(confirming)}
        title={
          confirming?.active
            ? `Turn off ${confirming.name}?`
            : `Use ${confirming?.name ?? ''} again?`
        }
        confirmLabel={confirming?.active ? 'Deactivate' : 'Activate'}
        destructive={confirming?.active}
        busy={toggle.isPending}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(null)}
      >
        {confirming?.active
          ? 'Services of people covered by it will show as not billable (no coverage) until it is turned on again or they are given other coverage. Their member ids are kept.'
          : 'Services of the people it covers can be billed again.'}
      </ConfirmDialog>
    </Box>
  );
}

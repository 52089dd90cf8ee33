import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { LABELS, PARTICIPANT_STATUSES, type ParticipantStatus } from '@peerpath/shared';
import { FilterSelect } from '../../components/FilterSelect';
import { SearchField } from '../../components/SearchField';
import { CASELOAD_FILTERS_SX } from '../../components/Skeletons';
import { enumOptions } from '../../lib/options';

export type CaseloadScope = 'mine' | 'team';

/**
 * The caseload's filters above its list: whose participants, a name search and the status.
 * Their code (the select's menu, the text field) loads beside the list's, after the first paint.
 */
export function CaseloadFilters({
  scope,
  allTeams,
  canSeeTeam,
  search,
  status,
  onChange,
}: {
  scope: CaseloadScope;
  /** An admin's "team" is every team. */
  allTeams: boolean;
  canSeeTeam: boolean;
  search: string;
  status: ParticipantStatus | undefined;
  onChange: (changes: { scope?: CaseloadScope; search?: string; status?: string }) => void;
}) {
  return (
    <Box sx={CASELOAD_FILTERS_SX.row}>
      {canSeeTeam && (
        <ToggleButtonGroup
          exclusive
          size="small"
          value={scope}
          onChange={(_e, v: CaseloadScope | null) => v && onChange({ scope: v })}
          aria-label="Whose participants"
        >
          <ToggleButton value="mine">Mine</ToggleButton>
          <ToggleButton value="team">{allTeams ? 'All teams' : 'Whole team'}</ToggleButton>
        </ToggleButtonGroup>
      )}
      <Box sx={CASELOAD_FILTERS_SX.search}>
        <SearchField
          label="Search by name"
          value={search}
          onSearch={(v) => onChange({ search: v })}
        />
      </Box>
      <Box sx={CASELOAD_FILTERS_SX.status}>
        <FilterSelect<ParticipantStatus>
          label="Status"
          value={status ?? ''}
          allLabel="Any status"
          options={enumOptions(PARTICIPANT_STATUSES, LABELS.participantStatus)}
          onChange={(v) => onChange({ status: v || 'all' })}
        />
      </Box>
    </Box>
  );
}

import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LanguageOutlined from '@mui/icons-material/LanguageOutlined';
import PhoneOutlined from '@mui/icons-material/PhoneOutlined';
import PlaceOutlined from '@mui/icons-material/PlaceOutlined';
import ShareOutlined from '@mui/icons-material/ShareOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LABELS, type Resource } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';
import { visuallyHidden } from '../../lib/visuallyHidden';

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        color: 'text.secondary',
        '& svg': { fontSize: 18, mt: '2px' },
      }}
    >
      <Box aria-hidden sx={{ display: 'flex' }}>
        {icon}
      </Box>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** A directory entry: how to reach it, and sharing it with someone (editing it, for admins). */
/** "Checked 3 May 2026", or how long it has gone unchecked, said gently. */
function checkedLine(r: Resource): string {
  if (!r.lastVerifiedOn) return 'Not checked yet — worth a quick call before sharing';
  const on = formatDate(r.lastVerifiedOn);
  return r.stale ? `Last checked ${on} — worth a quick call before sharing` : `Checked ${on}`;
}

export function ResourceCard({
  resource: r,
  onShare,
  onEdit,
  onVerify,
  verifying,
}: {
  resource: Resource;
  onShare: () => void;
  onEdit?: () => void;
  /** Admins: "Still right — mark checked". */
  onVerify?: () => void;
  verifying?: boolean;
}) {
  return (
    <Paper
      variant="outlined"
      component="article"
      aria-labelledby={`resource-${r.id}`}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Box>
        <Typography variant="h3" component="h3" id={`resource-${r.id}`}>
          {r.name}
        </Typography>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
          <Chip size="small" label={LABELS.resourceCategory[r.category]} />
          {!r.active && <Chip size="small" variant="outlined" label="Not listed" />}
          {r.stale && <Chip size="small" variant="outlined" label="Needs checking" />}
        </Box>
      </Box>
      {r.description && <Typography variant="body2">{r.description}</Typography>}
      {r.phone && (
        <Line icon={<PhoneOutlined />}>
          <Link href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</Link>
        </Line>
      )}
      {r.url && (
        <Line icon={<LanguageOutlined />}>
          <Link href={r.url} target="_blank" rel="noopener noreferrer">
            {r.url.replace(/^https?:\/\//, '')}
            <Box component="span" sx={visuallyHidden}>
              {' '}
              (opens in a new tab)
            </Box>
          </Link>
        </Line>
      )}
      {r.address && <Line icon={<PlaceOutlined />}>{r.address}</Line>}
      <Typography variant="body2" color="text.secondary">
        {checkedLine(r)}
      </Typography>
      {r.tags.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Tags: {r.tags.join(', ')}
        </Typography>
      )}
      <Box sx={{ mt: 'auto', pt: 1, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {r.active && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<ShareOutlined />}
            onClick={onShare}
            aria-label={`Share ${r.name} with someone`}
          >
            Share with someone
          </Button>
        )}
        {onVerify && (
          <Button
            size="small"
            startIcon={<CheckCircleOutlined />}
            onClick={onVerify}
            disabled={verifying}
            aria-label={`Still right — mark ${r.name} checked`}
          >
            Still right — mark checked
          </Button>
        )}
        {onEdit && (
          <Button
            size="small"
            startIcon={<EditOutlined />}
            onClick={onEdit}
            aria-label={`Edit ${r.name}`}
          >
            Edit
          </Button>
        )}
      </Box>
    </Paper>
  );
}

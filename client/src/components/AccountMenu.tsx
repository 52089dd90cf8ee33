import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { LABELS } from '@peerpath/shared';
import { useCurrentUser } from '../auth';

/**
 * The account button's menu: who is signed in, and changing the password, the phone calendar
 * and signing out. Loaded when first opened (it is not needed to show a page).
 */
export function AccountMenu({
  anchor,
  teamName,
  onClose,
  onCalendar,
  onSignOut,
}: {
  anchor: HTMLElement | null;
  teamName: string | undefined;
  onClose: () => void;
  /** Leave out for someone who keeps no time (an admin): no calendar to add. */
  onCalendar?: () => void;
  onSignOut: () => void;
}) {
  const user = useCurrentUser();
  return (
    <Menu
      id="account-menu"
      anchorEl={anchor}
      open={Boolean(anchor)}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      <Box sx={{ px: 2, py: 1, maxWidth: 280 }} role="presentation">
        <Typography sx={{ fontWeight: 600 }}>{user.displayName}</Typography>
        <Typography variant="body2" color="text.secondary">
          {LABELS.role[user.role]}
          {teamName ? ` · ${teamName}` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {user.email}
        </Typography>
      </Box>
      <Divider />
      <MenuItem component="a" href="/account/password" onClick={onClose}>
        <ListItemIcon>
          <KeyOutlined fontSize="small" />
        </ListItemIcon>
        Change password
      </MenuItem>
      {onCalendar && (
        <MenuItem onClick={onCalendar}>
          <ListItemIcon>
            <CalendarMonthOutlined fontSize="small" />
          </ListItemIcon>
          Add PeerPath to my phone calendar
        </MenuItem>
      )}
      <MenuItem onClick={onSignOut}>
        <ListItemIcon>
          <LogoutOutlined fontSize="small" />
        </ListItemIcon>
        Sign out
      </MenuItem>
    </Menu>
  );
}

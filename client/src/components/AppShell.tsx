import AccessTimeOutlined from '@mui/icons-material/AccessTimeOutlined';
import AddCircleOutlined from '@mui/icons-material/AddCircleOutlined';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import DrawOutlined from '@mui/icons-material/DrawOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import MenuIcon from '@mui/icons-material/Menu';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import SupervisorAccountOutlined from '@mui/icons-material/SupervisorAccountOutlined';
import AppBar from '@mui/material/AppBar';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { Role } from '@peerpath/shared';
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Link as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import {
  AfterSafetyAlerts,
  SafetyAlertButton,
  SafetyAlertsPanel,
} from '../features/measures/SafetyAlerts';
import { canSeeReports, isAdmin, useAuth, useCurrentUser } from '../auth';
import { useTeamName } from '../features/teams/api';
import { clearOutbox, SyncBanner, SyncStatusButton, useOutboxSync } from '../offline';
import { ColorModeToggle } from '../theme';
import { PageSkeleton } from './Skeletons';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

const DRAWER_WIDTH = 232;

// Loaded on first use: its date picker stays out of the first page load.
const LogTimeDialog = lazy(() =>
  import('../features/time/LogTimeDialog').then((m) => ({ default: m.LogTimeDialog })),
);

// Not needed to show a page: loaded when first opened, or before that once the page has loaded
// (`prefetchForms`), so that signing out works offline too.
const AccountMenu = lazy(() => import('./AccountMenu').then((m) => ({ default: m.AccountMenu })));
const ConfirmDialog = lazy(() =>
  import('./ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })),
);
const NavDrawer = lazy(() => import('./NavDrawer').then((m) => ({ default: m.NavDrawer })));
const CalendarDialog = lazy(() =>
  import('../features/calendar/CalendarDialog').then((m) => ({ default: m.CalendarDialog })),
);

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  show?: (role: Role) => boolean;
}

/** Supervisors co-sign their team's notes (SPEC §8). */
const isSupervisor = (role: Role) => role === 'supervisor';
/** Time entries are kept by workers and supervisors, not admins (SPEC §11). */
const keepsTime = (role: Role) => role !== 'admin';

const NAV: NavItem[] = [
  { to: '/', label: 'Caseload', icon: <HomeOutlined /> },
  { to: '/participants', label: 'Participants', icon: <PeopleOutlined /> },
  { to: '/sessions', label: 'Sessions', icon: <EventNoteOutlined /> },
  { to: '/groups', label: 'Groups', icon: <GroupsOutlined /> },
  { to: '/advocacy', label: 'Advocacy', icon: <CampaignOutlined /> },
  { to: '/resources', label: 'Resources', icon: <MenuBookOutlined /> },
  { to: '/time', label: 'My time', icon: <AccessTimeOutlined />, show: keepsTime },
  { to: '/supervision', label: 'Supervision', icon: <SupervisorAccountOutlined /> },
  { to: '/notes/cosign', label: 'Co-sign notes', icon: <DrawOutlined />, show: isSupervisor },
  { to: '/reports', label: 'Reports', icon: <AssessmentOutlined />, show: canSeeReports },
  { to: '/billing', label: 'Billing', icon: <ReceiptLongOutlined />, show: canSeeReports },
  { to: '/audit', label: 'Audit trail', icon: <HistoryOutlined />, show: canSeeReports },
  { to: '/admin', label: 'Admin', icon: <AdminPanelSettingsOutlined />, show: isAdmin },
];

function isCurrent(to: string, pathname: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

function NavList({ onNavigate }: { onNavigate?: () => void }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  return (
    <List component="ul" sx={{ px: 1 }}>
      {NAV.filter((item) => !item.show || item.show(user.role)).map((item) => {
        const current = isCurrent(item.to, pathname);
        return (
          <ListItem key={item.to} disablePadding sx={{ mb: 0.5 }}>
            <ListItemButton
              href={item.to}
              selected={current}
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
              sx={{ borderRadius: 2 }}
            >
              <ListItemIcon sx={{ color: current ? 'primary.main' : 'inherit' }}>
                {item.icon}
              </ListItemIcon>
              <ListItemText primary={item.label} />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
}

function UserMenu({ unsent }: { unsent: number }) {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const teamName = useTeamName(user.teamId);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [warning, setWarning] = useState(false);
  const [calendar, setCalendar] = useState(false);
  // The menu and the warning are drawn from when they are first opened, and stay, so that they
  // close with their transition.
  const [menuUsed, setMenuUsed] = useState(false);
  const [warningUsed, setWarningUsed] = useState(false);
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('sm'));
  const signOut = async () => {
    setAnchor(null);
    setWarning(false);
    // Records are sensitive: nothing saved on this device outlives the sign-in.
    clearOutbox();
    await logout();
    await navigate('/login', { replace: true });
  };
  const askToSignOut = () => {
    if (unsent === 0) return void signOut();
    setAnchor(null);
    setWarningUsed(true);
    setWarning(true);
  };
  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => {
          setMenuUsed(true);
          setAnchor(e.currentTarget);
        }}
        aria-haspopup="menu"
        aria-expanded={anchor ? true : undefined}
        aria-controls={anchor ? 'account-menu' : undefined}
        aria-label={`Account: ${user.displayName}`}
        sx={{ minWidth: 0, gap: 1, px: 1 }}
      >
        <Avatar
          sx={{
            width: 32,
            height: 32,
            fontSize: 14,
            bgcolor: 'secondary.main',
            color: 'secondary.contrastText',
          }}
        >
          {initials(user.displayName)}
        </Avatar>
        {wide && <span>{user.displayName}</span>}
      </Button>
      <Suspense fallback={null}>
        {menuUsed && (
          <AccountMenu
            anchor={anchor}
            teamName={teamName}
            onClose={() => setAnchor(null)}
            onCalendar={
              keepsTime(user.role)
                ? () => {
                    setAnchor(null);
                    setCalendar(true);
                  }
                : undefined
            }
            onSignOut={askToSignOut}
          />
        )}
        {calendar && <CalendarDialog onClose={() => setCalendar(false)} />}
        {warningUsed && (
          <ConfirmDialog
            open={warning}
            title={
              unsent === 1 ? '1 entry has not been sent' : `${unsent} entries have not been sent`
            }
            confirmLabel="Delete and sign out"
            cancelLabel="Stay signed in"
            destructive
            onConfirm={() => void signOut()}
            onClose={() => setWarning(false)}
          >
            {unsent === 1 ? 'It is' : 'They are'} saved only on this device. Signing out deletes{' '}
            {unsent === 1 ? 'it' : 'them'}, so nobody else using this device can read{' '}
            {unsent === 1 ? 'it' : 'them'}. Stay signed in until you are back online and the app bar
            says “All saved”.
          </ConfirmDialog>
        )}
      </Suspense>
    </>
  );
}

/** The frame around every signed-in page: top bar, navigation, main region. */
export function AppShell() {
  const user = useCurrentUser();
  const sync = useOutboxSync(user.id);
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [open, setOpen] = useState(false);
  // On a phone the drawer is drawn from when it is first opened, and stays, so that it closes
  // with its transition.
  const [navOpened, setNavOpened] = useState(false);
  const [loggingTime, setLoggingTime] = useState(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After moving to another page, put focus at the start of the new content
  // (unless the page put it somewhere on purpose), so keyboard and screen
  // reader users start from the top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: false });
  }, [pathname]);

  // Docked beside the page, the links stay in view while a long page scrolls.
  const drawer = (
    <Box
      sx={
        wide
          ? {
              display: 'flex',
              flexDirection: 'column',
              position: 'sticky',
              top: 0,
              height: '100vh',
            }
          : { display: 'flex', flexDirection: 'column', height: '100%' }
      }
    >
      <Toolbar />
      <Box component="nav" aria-label="Main" sx={{ flex: 1, overflowY: 'auto', pt: 1 }}>
        <NavList onNavigate={wide ? undefined : () => setOpen(false)} />
      </Box>
    </Box>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Box
        component="a"
        href="#main"
        onClick={(e: MouseEvent) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (t) => t.zIndex.tooltip + 1,
          bgcolor: 'background.paper',
          color: 'primary.main',
          px: 2,
          py: 1,
          borderRadius: 1,
          boxShadow: 3,
          fontWeight: 600,
          '&:focus': { top: 8 },
        }}
      >
        Skip to main content
      </Box>
      <AppBar
        position="fixed"
        elevation={0}
        sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}
        color="primary"
        enableColorOnDark
      >
        {/* On a phone the buttons sit edge to edge (each is still a 48 px target), so the
            account menu stays on screen beside Log session, Log time and the alerts. */}
        <Toolbar sx={{ gap: { xs: 0, sm: 1 }, px: { xs: 1, sm: 2 } }}>
          {!wide && (
            <IconButton
              color="inherit"
              edge="start"
              onClick={() => {
                setNavOpened(true);
                setOpen((o) => !o);
              }}
              aria-label={open ? 'Close navigation' : 'Open navigation'}
              aria-expanded={open}
              aria-controls="main-navigation"
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography
            component={RouterLink}
            to="/"
            sx={{
              color: 'inherit',
              textDecoration: 'none',
              fontWeight: 700,
              fontSize: '1.15rem',
              mr: 'auto',
            }}
          >
            PeerPath
          </Typography>
          <Button
            color="inherit"
            variant="outlined"
            href="/sessions/new"
            startIcon={<AddCircleOutlined />}
            sx={{ display: { xs: 'none', sm: 'inline-flex' }, borderColor: 'currentColor' }}
          >
            Log session
          </Button>
          <IconButton
            color="inherit"
            href="/sessions/new"
            aria-label="Log session"
            sx={{ display: { xs: 'inline-flex', sm: 'none' } }}
          >
            <AddCircleOutlined />
          </IconButton>
          {keepsTime(user.role) && (
            <IconButton
              color="inherit"
              onClick={() => setLoggingTime(true)}
              aria-label="Log time"
              aria-haspopup="dialog"
              title="Log time"
            >
              <AccessTimeOutlined />
            </IconButton>
          )}
          <SyncStatusButton sync={sync} />
          <SafetyAlertButton />
          <ColorModeToggle />
          <UserMenu unsent={sync.state.entries.length} />
        </Toolbar>
      </AppBar>
      {wide ? (
        // Docked beside the page, as MUI's permanent drawer draws it (a paper with a line at its
        // edge), without the code of the drawer over the page that a phone uses.
        <Box sx={{ width: DRAWER_WIDTH, flexShrink: 0, display: 'flex' }}>
          <Paper
            square
            elevation={0}
            id="main-navigation"
            sx={{
              width: DRAWER_WIDTH,
              boxSizing: 'border-box',
              display: 'flex',
              flexDirection: 'column',
              flex: '1 0 auto',
              // In the page's flow rather than fixed to the window, so its background runs the
              // whole length of a long page (in print and full-page captures too).
              position: 'relative',
              zIndex: (t) => t.zIndex.drawer,
              outline: 0,
              borderRight: 1,
              borderColor: 'divider',
              // Not a scroll box of its own, so the links can stick to the top of the window.
              overflowY: 'visible',
            }}
          >
            {drawer}
          </Paper>
        </Box>
      ) : (
        navOpened && (
          <Suspense fallback={null}>
            <NavDrawer open={open} onClose={() => setOpen(false)} width={DRAWER_WIDTH}>
              {drawer}
            </NavDrawer>
          </Suspense>
        )
      )}
      <Box
        component="main"
        id="main"
        ref={mainRef}
        tabIndex={-1}
        sx={{ flex: 1, minWidth: 0, p: { xs: 2, sm: 3 }, outline: 'none' }}
      >
        <Toolbar />
        <SyncBanner sync={sync} />
        <AfterSafetyAlerts wait={pathname === '/'} pending={<PageSkeleton />}>
          {pathname === '/' && <SafetyAlertsPanel />}
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </AfterSafetyAlerts>
      </Box>
      <UnsavedChangesGuard />
      {sync.dialog}
      {loggingTime && (
        <Suspense fallback={null}>
          <LogTimeDialog onClose={() => setLoggingTime(false)} />
        </Suspense>
      )}
    </Box>
  );
}

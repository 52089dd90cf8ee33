import { alpha, createTheme } from '@mui/material/styles';
import { LinkBehavior } from './LinkBehavior';
import { SHAPE, SHAPES } from './shapes';

/** Corners of cards, fields and buttons, in px. */
const RADIUS = 10;

/**
 * A calm teal and muted violet palette. Every text colour here meets WCAG AA
 * (4.5:1) against the background it sits on, in both schemes.
 */
export const theme = createTheme({
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1f6467', contrastText: '#ffffff' },
        secondary: { main: '#5b4a8a', contrastText: '#ffffff' },
        error: { main: '#b3261e' },
        warning: { main: '#8a4b00' },
        success: { main: '#2e6b30' },
        info: { main: '#1f5f8b' },
        background: { default: '#f5f7f6', paper: '#ffffff' },
        text: { primary: '#1c2b2d', secondary: '#4a5a5c' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#7fd0cb', contrastText: '#00363a' },
        secondary: { main: '#c4b5f5', contrastText: '#2a1f4f' },
        error: { main: '#ffb4ab' },
        warning: { main: '#f2c078' },
        success: { main: '#9bd49d' },
        info: { main: '#9cc9f0' },
        background: { default: '#121a1b', paper: '#1a2325' },
        text: { primary: '#e6eeee', secondary: '#b8c6c7' },
      },
    },
  },
  shape: { borderRadius: RADIUS },
  typography: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 600 },
    h2: { fontSize: '1.35rem', fontWeight: 600 },
    h3: { fontSize: '1.1rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  // A keyboard focus ring on every button-like component (MUI 9.4+).
  focusVisible: { outlineWidth: 3 },
  motion: { reducedMotion: 'system' },
  components: {
    MuiCssBaseline: {
      styleOverrides: (theme) => ({
        // Links are not ButtonBase: give them the same visible ring.
        'a:focus-visible': {
          outline: '3px solid currentColor',
          outlineOffset: 2,
          borderRadius: 2,
        },
        // The grey shapes of a placeholder (components/Skeletons.tsx), as MUI's Skeleton draws
        // them but as plain elements under one set of rules, and pulsing together: the region
        // around them fades, not each shape.
        [`.${SHAPE}`]: {
          display: 'block',
          backgroundColor: alpha(
            theme.palette.text.primary,
            theme.palette.mode === 'light' ? 0.11 : 0.13,
          ),
        },
        [`.${SHAPE}-text`]: {
          transformOrigin: '0 55%',
          transform: 'scale(1, 0.6)',
          // Rounded as a line of text is: the radius over the shape's 0.6 of its height.
          borderRadius: `${RADIUS}px / ${Math.round((RADIUS / 0.6) * 10) / 10}px`,
        },
        [`.${SHAPE}-rounded`]: { borderRadius: RADIUS },
        [`.${SHAPE}-circular`]: { borderRadius: '50%' },
        [`.${SHAPE}-lines`]: {
          maskRepeat: 'no-repeat',
          maskSize: '100% 100%',
          WebkitMaskRepeat: 'no-repeat',
          WebkitMaskSize: '100% 100%',
        },
        [`.${SHAPES}`]: { animation: `${SHAPES}-pulse 2s ease-in-out 0.5s infinite` },
        [`@keyframes ${SHAPES}-pulse`]: {
          '0%': { opacity: 1 },
          '50%': { opacity: 0.4 },
          '100%': { opacity: 1 },
        },
        '@media (prefers-reduced-motion: reduce)': {
          '*, *::before, *::after': {
            animationDuration: '0.01ms !important',
            transitionDuration: '0.01ms !important',
            scrollBehavior: 'auto !important',
          },
        },
      }),
    },
    MuiTextField: { defaultProps: { fullWidth: true } },
    // The default (action.active) is below 4.5:1 on the page background.
    MuiToggleButton: {
      styleOverrides: {
        root: ({ theme }) => ({ color: (theme.vars ?? theme).palette.text.secondary }),
      },
    },
    MuiLink: { defaultProps: { underline: 'hover', component: LinkBehavior } },
    MuiButtonBase: { defaultProps: { LinkComponent: LinkBehavior } },
  },
});

export { theme } from './theme';
export { ColorModeToggle } from './ColorModeToggle';
export const COLOR_MODE_STORAGE_KEY = 'peerpath-color-mode';

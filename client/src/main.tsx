import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, startSessionRestore } from './api';
import { App } from './App';
import { AuthProvider } from './auth';
import { NotifyProvider } from './components/NotifyProvider';
import { loadOrgLocale } from './locale';
import { COLOR_MODE_STORAGE_KEY, theme } from './theme';

// The session from the refresh cookie is asked for at once, beside the locale.
startSessionRestore();
// Dates are shown and typed in the organisation's locale from the first render.
void loadOrgLocale(theme).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemeProvider
        theme={theme}
        modeStorageKey={COLOR_MODE_STORAGE_KEY}
        noSsr
        disableTransitionOnChange
      >
        <CssBaseline enableColorScheme />
        <QueryClientProvider client={queryClient}>
          <NotifyProvider>
            <AuthProvider>
              <App />
            </AuthProvider>
          </NotifyProvider>
        </QueryClientProvider>
      </ThemeProvider>
    </StrictMode>,
  ),
);

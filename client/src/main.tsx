import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode, useCallback, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, startSessionRestore } from './api';
import { AuthProvider } from './auth/AuthProvider';
import { NotifyProvider } from './components/NotifyProvider';
import { loadOrgLocale } from './locale';
import { COLOR_MODE_STORAGE_KEY, theme } from './theme';
import { emotionCache } from './theme/emotionCache';

/**
 * A first visit to the sign-in page is shown without the app (the router and its pages): on a
 * phone that is a third less to download before the form can be used. The app is loaded when
 * the sign-in is done; every other address loads it at once, beside the locale.
 */
const SIGN_IN_PATH = /^\/login\/?$/;

type AppComponent = ComponentType;
type LoginPageComponent = typeof import('./pages/LoginPage').LoginPage;

const loadApp = () => import('./App').then((m) => m.App as AppComponent);

function Root({
  app,
  loginPage: LoginPage,
}: {
  app: AppComponent | null;
  loginPage: LoginPageComponent | null;
}) {
  const [App, setApp] = useState<AppComponent | null>(() => app);
  // The page that sent the person to sign in, kept by the router in the history entry.
  const [from] = useState(
    () => (window.history.state as { usr?: { from?: string } } | null)?.usr?.from ?? '/',
  );
  const onSignedIn = useCallback(async (to: string) => {
    let loaded: AppComponent;
    try {
      loaded = await loadApp();
    } catch {
      // The app's code did not arrive (the connection dropped just then): open the page afresh.
      window.location.replace(to);
      return;
    }
    window.history.replaceState(null, '', to);
    setApp(() => loaded);
  }, []);
  if (App) return <App />;
  return LoginPage && <LoginPage from={from} onSignedIn={onSignedIn} />;
}

// The session from the refresh cookie is asked for at once, beside the locale.
startSessionRestore();
const signingIn = SIGN_IN_PATH.test(window.location.pathname);
// Dates are shown and typed in the organisation's locale from the first render.
void Promise.all([
  signingIn ? null : loadApp(),
  signingIn ? import('./pages/LoginPage').then((m) => m.LoginPage) : null,
  loadOrgLocale(theme),
]).then(([app, loginPage]) => {
  const root = createRoot(document.getElementById('root')!);
  // The first render is a transition, so React draws it in short slices and a tap or a key
  // pressed meanwhile is answered between them (on a slow phone it is hundreds of milliseconds).
  startTransition(() =>
    root.render(
      <StrictMode>
        <CacheProvider value={emotionCache}>
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
                  <Root app={app} loginPage={loginPage} />
                </AuthProvider>
              </NotifyProvider>
            </QueryClientProvider>
          </ThemeProvider>
        </CacheProvider>
      </StrictMode>,
    ),
  );
});

import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers will not change by asking again.
      retry: (count, error) =>
        !(isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    // A save never waits, spinning, for the connection to return: it is sent at once, and a
    // create that cannot reach the server is kept on this device (src/offline).
    mutations: { retry: false, networkMode: 'always' },
  },
});

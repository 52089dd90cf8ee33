import { createContext, useContext } from 'react';

export const NotifyContext = createContext<(message: string) => void>(() => undefined);

/** Shows a short confirmation ("Session saved") that screen readers announce. */
export function useNotify() {
  return useContext(NotifyContext);
}

import { createContext, useContext } from 'react';

export interface NotifyOptions {
  /** Offers "Undo" beside the message; runs when it is chosen. */
  undo?: () => void;
}

export const NotifyContext = createContext<(message: string, options?: NotifyOptions) => void>(
  () => undefined,
);

/** Shows a short confirmation ("Session saved") that screen readers announce. */
export function useNotify() {
  return useContext(NotifyContext);
}

import type { Plugin } from 'vite';

export const START_SCRIPT: string;
export function startRequestsPlugin(): Plugin;

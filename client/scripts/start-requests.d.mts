import type { Plugin } from 'vite';

export function startRequestsPlugin(): Plugin;

import type { Plugin } from 'vite';

export function reactEsmPlugin(): Plugin;

import type { Plugin } from 'vite';

export interface PageRoute {
  path: string;
  module: string;
  inShell: boolean;
  shell: boolean;
}

export interface PagePreloads {
  pages: { path: string; files: string[] }[];
  other: string[];
}

export function pageRoutes(appSource: string): PageRoute[];
export function pagePreloads(
  manifest: Record<string, { file: string; imports?: string[] }>,
  appSource: string,
): PagePreloads;
export function pagePreloadsPlugin(options: { root: string }): Plugin;

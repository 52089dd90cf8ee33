import type { Plugin } from 'vite';

export interface PageRoute {
  path: string;
  module: string;
  inShell: boolean;
  shell: boolean;
}

export interface PagePreloads {
  /** `styles`: the page's kept styles, a `<style>` element for its HTML's head. */
  pages: { path: string; files: string[]; styles?: string }[];
  other: string[];
}

export function pageRoutes(appSource: string): PageRoute[];
export function pagePreloads(
  manifest: Record<string, { file: string; imports?: string[] }>,
  appSource: string,
): PagePreloads;
export function keptStyleElement(
  kept: { pages: Record<string, string[]>; rules: Record<string, string> } | null,
  route: string,
): string;
export function pagePreloadsPlugin(options: { root: string }): Plugin;

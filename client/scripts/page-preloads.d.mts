import type { Plugin } from 'vite';

export interface PageRoute {
  path: string;
  module: string;
  inShell: boolean;
  shell: boolean;
}

export interface PagePreloads {
  /** `styles`: the page's kept styles, `<style>` elements in a `<template>` for its HTML's head. */
  pages: { path: string; files: string[]; styles?: string }[];
  other: string[];
}

/** The id of the `<template>` a page's kept styles arrive in. */
export const KEPT_STYLES_ID: string;
/** At most this much CSS in one kept `<style>` (a single larger style has one of its own). */
export const KEPT_STYLE_ELEMENT_BYTES: number;

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

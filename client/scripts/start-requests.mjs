// The page's first script: it asks the page's first two questions to the server while the app's
// code downloads, and reads the page's kept styles after its first paint (below). The questions:
// the session from the refresh cookie (`POST /api/auth/refresh`) and the organisation's settings
// (`GET /api/settings`, its locale). The app needs both answers before it draws any page, and
// on a phone on a slow connection its code takes a second or two to arrive; asked by the app,
// they were a round trip after that. A small script file of its own (a classic script, so it
// runs as soon as it arrives and the content security policy stays `script-src 'self'`), named
// first in index.html's head and fetched with high priority beside the app's files. The app takes
// the answers from it (src/api/started.ts) and asks itself when they are not there (the dev
// server, a page kept from before).

import { COMPILE_HINT } from './compile-hints.mjs';

/** Runs in the browser. A classic script: no imports, nothing but what it says. */
function startRequests() {
  const refresh = () =>
    fetch('/api/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  const started = {
    // Tabs take turns with the refresh cookie, as the app does (src/api/client.ts).
    refresh: navigator.locks ? navigator.locks.request('peerpath-refresh', refresh) : refresh(),
    settings: fetch('/api/settings', { signal: AbortSignal.timeout(5000) }),
  };
  // A failure is the app's to handle when it takes the answer, not an unhandled rejection here.
  for (const answer of Object.values(started)) answer.catch(() => {});
  globalThis.peerpathStarted = started;
  // The first read of the page's local storage waits while the browser loads it (10–30 ms at
  // 4× CPU slowdown). The app's first render reads it (the colour mode, the outbox); read here,
  // while the app's code downloads, that wait is over before the app starts.
  try {
    localStorage.getItem('peerpath-color-mode');
  } catch {
    // Storage turned off: the app does without it.
  }
}

/**
 * Runs in the browser. Puts the page's kept styles (scripts/page-preloads.mjs: `<style>` elements
 * inside `<template id="kept-styles">`) into the head once the page has painted, one element per
 * task, so the browser reads their CSS in short pieces while the app's code downloads, not before
 * the first paint and not inside the app's start. The styles' cache takes any still in the
 * template when the app starts (src/theme/emotionCache.ts), so the order they arrive in is kept
 * either way.
 */
function readKeptStylesAfterFirstPaint() {
  /* global document, requestAnimationFrame -- this function runs in the browser */
  const next = () => {
    const style = document.getElementById('kept-styles')?.content.firstElementChild;
    if (!style) return;
    document.head.append(style);
    setTimeout(next, 0);
  };
  // A frame's callbacks run before it is painted; a task they queue runs after it.
  requestAnimationFrame(() => setTimeout(next, 0));
}

// With V8's compile hint first, as every script file of the build has (scripts/compile-hints.mjs).
const START_SCRIPT = `${COMPILE_HINT}\n(${startRequests.toString()})();\n(${readKeptStylesAfterFirstPaint.toString()})();\n`;

/** Emits the script as a file of its own and names it first in index.html's head. */
export function startRequestsPlugin() {
  return {
    name: 'peerpath:start-requests',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'asset', name: 'start.js', source: START_SCRIPT });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const file = Object.values(ctx.bundle ?? {}).find(
          (f) => f.type === 'asset' && (f.names ?? [f.name]).includes('start.js'),
        );
        if (!file) throw new Error('start-requests: the script file is not in the build');
        return [
          {
            tag: 'script',
            attrs: { src: `/${file.fileName}`, async: true, fetchpriority: 'high' },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

import createCache, { type EmotionCache, type StylisPlugin } from '@emotion/cache';

/**
 * The properties that browsers from 2022 on still read only with a `-webkit-` prefix (Safari's
 * `user-select` and `hyphens`, Chromium's `box-decoration-break`, Safari before 18's
 * `backdrop-filter`).
 */
const WEBKIT_ONLY = new Set(['user-select', 'hyphens', 'box-decoration-break', 'backdrop-filter']);

/** Writes `-webkit-<declaration>` before each declaration of those properties. */
const prefixWebkitOnly: StylisPlugin = (element) => {
  if (element.type === 'decl' && !element.return && WEBKIT_ONLY.has(element.props as string)) {
    element.return = `-webkit-${element.value}${element.value}`;
  }
};

/** How many `<style>` elements the styles may be spread over (below). */
const MAX_STYLE_ELEMENTS = 64;

/** Emotion's style sheet: the rules go into its last `<style>`, a new one each 65,000 rules. */
type EmotionSheet = { insert(rule: string): void; ctr: number; tags: HTMLStyleElement[] };
const RULES_PER_ELEMENT = 65_000;

/**
 * The styles' cache. Two changes from emotion's default:
 *
 * - No vendor prefixer. Emotion's writes every flex, transition and placeholder rule again for
 *   browsers of ten years ago (`-ms-flexbox`, `-webkit-box`, `::-moz-placeholder`): a quarter of
 *   the CSS a page makes at run time. Only the prefixes above are still needed.
 * - The rules each render adds go into a `<style>` of their own. In one sheet, a rule added
 *   when an answer arrives makes the browser rebuild the whole sheet's rules and match every
 *   element on the page against them again; in a sheet of its own only its rules are built and
 *   only the elements they may match are styled again (a fifth of the style work, measured with
 *   the caseload's rules in Chromium). Rules keep the order they were inserted in. After
 *   MAX_STYLE_ELEMENTS elements, new rules go into the last one, as emotion does.
 */
function createStyleCache() {
  adoptKeptStyles();
  const cache = createCache({ key: 'css', stylisPlugins: [prefixWebkitOnly] });
  const sheet = cache.sheet as unknown as EmotionSheet;
  const insert = sheet.insert.bind(sheet);
  let inBatch = false;
  sheet.insert = (rule) => {
    if (!inBatch) {
      inBatch = true;
      // The rules of one render are inserted in one synchronous commit.
      queueMicrotask(() => (inBatch = false));
      // The sheet starts a new element when its count of rules is a multiple of 65,000.
      if (sheet.ctr > 0 && sheet.tags.length < MAX_STYLE_ELEMENTS) {
        sheet.ctr = Math.ceil(sheet.ctr / RULES_PER_ELEMENT) * RULES_PER_ELEMENT;
      }
    }
    insert(rule);
  };
  captureStyles(cache, sheet);
  return cache;
}

/** The `<template>` a page's kept styles arrive in (scripts/page-preloads.mjs). */
const KEPT_STYLES_ID = 'kept-styles';

/**
 * Puts the page's kept styles that are still in their `<template>` into the head, where the cache
 * (made next) takes their names as inserted. The template's content is not read as CSS, so the
 * first paint ("Opening PeerPath…") does not wait for them; the page's start script moves them
 * into the head one by one after that paint (scripts/start-requests.mjs), and any it has not
 * reached yet are moved here, in order, before the first render needs them.
 */
function adoptKeptStyles() {
  const kept = document.getElementById(KEPT_STYLES_ID);
  if (!(kept instanceof HTMLTemplateElement)) return;
  document.head.append(kept.content);
  kept.remove();
}

/**
 * Where `scripts/kept-styles.mjs` collects each style the pages make, by name: set on the page
 * before the app starts. Never set otherwise.
 */
type StyleCapture = Record<string, string[]>;

/** Records the rules of each style inserted into `sheet` under the style's name. */
function captureStyles(cache: EmotionCache, sheet: EmotionSheet) {
  const capture = (globalThis as { peerpathStyleCapture?: StyleCapture }).peerpathStyleCapture;
  if (!capture) return;
  const insertStyle = cache.insert.bind(cache);
  const insertRule = sheet.insert.bind(sheet);
  let rules: string[] | null = null;
  cache.insert = (selector, serialized, into, shouldCache) => {
    // Global styles have sheets of their own and are not kept. A style inserted again (a
    // keyframes that several styles use) makes the same rules again: the last are recorded.
    rules = into === cache.sheet && shouldCache ? (capture[serialized.name] = []) : null;
    try {
      return insertStyle(selector, serialized, into, shouldCache);
    } finally {
      rules = null;
    }
  };
  sheet.insert = (rule) => {
    rules?.push(rule);
    insertRule(rule);
  };
}

export const emotionCache = createStyleCache();

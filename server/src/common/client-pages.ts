import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chooseEncoding } from './compression';

/** Written by the client's build (client/scripts/page-preloads.mjs). */
interface PagePreloads {
  /**
   * `styles`: the page's kept styles, `<style data-emotion="css …">` elements of the CSS its
   * first view makes (client/scripts/kept-styles.mjs), sent so the browser need not make it,
   * inside a `<template>` that the page's start script reads after the first paint.
   */
  pages: { path: string; files: string[]; styles?: string }[];
  other: string[];
}

/** One page's HTML as sent: plain, brotli and gzip, and its validator. */
interface PageHtml {
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

interface PagePattern {
  regex: RegExp;
  /** React Router's preference: a fixed segment over a `:param` (so /sessions/new is not /sessions/:id). */
  rank: number;
  html: PageHtml;
}

/** A path of React Router's syntax (`/participants/:id/plan`) as a regular expression. */
function pathRegex(path: string): RegExp {
  const segments = path.split('/').filter(Boolean);
  const body = segments
    .map((s) => (s.startsWith(':') ? '/[^/]+' : `/${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    .join('');
  return new RegExp(`^${body}/?$`, 'i');
}

function pathRank(path: string): number {
  return path
    .split('/')
    .filter(Boolean)
    .reduce((sum, s) => sum + (s.startsWith(':') ? 3 : 10), 0);
}

function pageHtml(html: string): PageHtml {
  const plain = Buffer.from(html, 'utf8');
  return {
    plain,
    br: brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(plain, { level: 9 }),
    etag: `"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`,
  };
}

/** index.html naming the given script files for the browser to fetch at once, with the page's kept styles. */
function withPreloads(index: string, files: string[], styles = ''): string {
  if (!files.length && !styles) return index;
  const links = files
    .map((file) => `<link rel="modulepreload" crossorigin href="${file}">`)
    .join('\n    ');
  // A function, so a `$` in the CSS is not read as a replacement pattern.
  return index.replace('</head>', () => `  ${links}${styles ? `\n    ${styles}` : ''}\n  </head>`);
}

/**
 * The web client's pages: index.html for every page address (the client routes itself), each
 * naming the script files its page needs (`<link rel="modulepreload">`), so a phone fetches
 * the app, the shell and the page beside the entry rather than one after another, and carrying
 * the styles its first view makes (`styles`), so the browser need not make them. Read once
 * when the server starts; a build without the preload list sends index.html as it is.
 */
export class ClientPages {
  private readonly patterns: PagePattern[];
  private readonly other: PageHtml;

  constructor(dist: string) {
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    const listFile = join(dist, '.vite', 'page-preloads.json');
    const list: PagePreloads = existsSync(listFile)
      ? (JSON.parse(readFileSync(listFile, 'utf8')) as PagePreloads)
      : { pages: [], other: [] };
    this.patterns = list.pages
      .map((page) => ({
        regex: pathRegex(page.path),
        rank: pathRank(page.path),
        html: pageHtml(withPreloads(index, page.files, page.styles)),
      }))
      .sort((a, b) => b.rank - a.rank);
    this.other = pageHtml(withPreloads(index, list.other));
  }

  /** The HTML for a page's path (without its query). */
  htmlFor(path: string): PageHtml {
    return this.patterns.find((p) => p.regex.test(path))?.html ?? this.other;
  }

  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const html = this.htmlFor(request.url.split('?')[0]);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Encoding')
      .header('etag', html.etag);
    if (request.headers['if-none-match'] === html.etag) return reply.code(304).send();
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding) void reply.header('content-encoding', encoding);
    return reply.send(encoding ? html[encoding] : html.plain);
  }
}

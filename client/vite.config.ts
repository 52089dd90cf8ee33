import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compileHintsPlugin } from './scripts/compile-hints.mjs';
import { pagePreloadsPlugin } from './scripts/page-preloads.mjs';
import { reactEsmPlugin } from './scripts/react-esm.mjs';
import { startRequestsPlugin } from './scripts/start-requests.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const sharedSource = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  // Each page's script files, named in its HTML by the server (scripts/page-preloads.mjs), V8's
  // compile hint at the top of every script file (scripts/compile-hints.mjs), and the session and
  // settings asked for while the app's code downloads (scripts/start-requests.mjs).
  plugins: [
    react(),
    reactEsmPlugin(),
    pagePreloadsPlugin({ root }),
    compileHintsPlugin(),
    startRequestsPlugin(),
  ],
  resolve: {
    // Use the TypeScript source of the shared package, not its CommonJS build.
    alias: { '@peerpath/shared': sharedSource },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically (React, MUI's core, the query client, the
          // sign-in state) is loaded on every first visit: one chunk, not a dozen small shared
          // ones each compressed on its own. Code loaded later keeps its own chunks.
          groups: [{ name: 'start', tags: ['$initial'] }],
          // A small module shared by a few pages (an icon, a form helper, one MUI part) is
          // copied into the chunks that use it instead of being a file of its own: on a phone
          // each file costs a round trip, and the caseload fetched 60 of them, most under
          // 3 KB, in waves one after another (183 files in all; 74 now). Rolldown keeps one
          // instance of each copied module at run time (one state, one execution).
          experimentalInlineCommonChunks: { maxSize: 16 * 1024 },
        },
      },
    },
  },
});

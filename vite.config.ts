import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { prerenderFirstFrame } from './scripts/prerender-first-frame';

const engine = fileURLToPath(new URL('./src/', import.meta.url));
const inlineWorker = fileURLToPath(new URL('./app/worker/spawn-worker-inline.ts', import.meta.url));
const inlineNodeWorker = fileURLToPath(new URL('./app/node/spawn-node-worker-inline.ts', import.meta.url));
const inlineGifWorker = fileURLToPath(new URL('./app/export/spawn-gif-worker-inline.ts', import.meta.url));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// `vite build --mode single` (npm run build:single): one self-contained HTML file in dist-single/,
// scripts, styles, icon and the simulation worker inlined, that works opened from disk.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    // Relative asset URLs: the built page works from any path (a course site's sub-folder) with no rebuild.
    base: './',
    plugins: [
      react(),
      // The default page's first frame is in index.html (scripts/prerender-first-frame.ts).
      ...(single ? [] : [prerenderFirstFrame()]),
      // The hosted build keeps working offline after the first visit (app/offline/keep-offline-copy.ts).
      // Every file is precached; a navigation with any query (?preset=...&step=...) gets the
      // cached page. The single file, opened from disk, can have no service worker.
      VitePWA({
        disable: single,
        registerType: 'autoUpdate',
        injectRegister: false,
        manifest: false,
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,woff2}'],
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
          // autoUpdate: a new worker takes over at once (the page then reloads on its URL).
          skipWaiting: true,
          clientsClaim: true,
        },
      }),
      ...(single ? [viteSingleFile({ removeViteModuleLoader: true })] : []),
    ],
    resolve: single
      ? {
          alias: [
            { find: /^\.\/spawn-worker$/, replacement: inlineWorker },
            { find: /^\.\/spawn-gif-worker$/, replacement: inlineGifWorker },
            { find: /^\.\/spawn-node-worker$/, replacement: inlineNodeWorker },
          ],
        }
      : {},
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: {
      ...(single ? { outDir: 'dist-single', assetsInlineLimit: Number.MAX_SAFE_INTEGER } : {}),
      rolldownOptions: {
        treeshake: {
          // The engine has no side effects at load (DESIGN.md: pure, plain data). Said so, the
          // bundler leaves what the page's first chunk does not use (the scenario schema, and
          // zod with it) to the chunks loaded on demand that do, instead of keeping every module
          // src/index.ts re-exports.
          moduleSideEffects: [{ test: new RegExp(`^${escapeRegExp(engine)}`), sideEffects: false }],
        },
        // Everything the page's first frame loads in one chunk besides the entry: the small shared
        // chunks the split would otherwise make each cost a request (and an HTTP/1.1 connection
        // the stylesheet waits for) and their own import boilerplate.
        output: { codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] } },
      },
    },
  };
});

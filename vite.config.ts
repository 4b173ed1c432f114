import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const inlineWorker = fileURLToPath(new URL('./app/worker/spawn-worker-inline.ts', import.meta.url));

// `vite build --mode single` (npm run build:single): one self-contained HTML file in dist-single/,
// scripts, styles, icon and the simulation worker inlined, that works opened from disk.
export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the built page works from any path (a course site's sub-folder) with no rebuild.
  base: './',
  plugins: mode === 'single' ? [react(), viteSingleFile({ removeViteModuleLoader: true })] : [react()],
  resolve: mode === 'single' ? { alias: [{ find: /^\.\/spawn-worker$/, replacement: inlineWorker }] } : {},
  build: mode === 'single' ? { outDir: 'dist-single', assetsInlineLimit: Number.MAX_SAFE_INTEGER } : {},
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
}));

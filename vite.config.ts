import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const engine = fileURLToPath(new URL('./src/', import.meta.url));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    rolldownOptions: {
      treeshake: {
        // The engine has no side effects at load (DESIGN.md: pure, plain data). Said so, the
        // bundler leaves what the page's first chunk does not use (the scenario schema, and
        // zod with it) to the chunks loaded on demand that do, instead of keeping every module
        // src/index.ts re-exports.
        moduleSideEffects: [{ test: new RegExp(`^${escapeRegExp(engine)}`), sideEffects: false }],
      },
    },
  },
});

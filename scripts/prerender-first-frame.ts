import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, createServer, type Plugin } from 'vite';
import { PAGE_ENTRY, PRERENDERED_END, PRERENDERED_STYLE, type FirstFrame } from '../app/prerender/first-frame-gate';
import type { renderFirstFrame } from '../app/prerender/render-first-frame';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROOT_ELEMENT = '<div id="root"></div>';
/** The page's entry as Vite writes it into the built index.html. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

/** The default page's markup and what the gate needs, rendered in Node through Vite (the app's TSX, its CSS imports ignored). */
async function renderInNode(): Promise<{ html: string; frame: FirstFrame }> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const module = await server.ssrLoadModule('/app/prerender/render-first-frame.ts');
    return (module as { renderFirstFrame: typeof renderFirstFrame }).renderFirstFrame();
  } finally {
    await server.close();
  }
}

/** The gate (app/prerender/first-frame-entry.ts) as one small classic script, with the prerendered page's facts written in. */
async function bundleGate(frame: FirstFrame): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    define: { __FIRST_FRAME__: JSON.stringify(frame) },
    build: {
      write: false,
      minify: true,
      lib: { entry: 'app/prerender/first-frame-entry.ts', formats: ['iife'], name: 'packetwalkFirstFrame', fileName: 'first-frame' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((r) => ('output' in r ? r.output : [])).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('prerender: the first-frame script was not built');
  return chunk.code;
}

/**
 * Prerenders the default page (no query) into index.html's root at build time, so the browser
 * paints the cluster view from the HTML before any script has run (issue 10, first load);
 * main.tsx then hydrates it. A script at the top of <head> (the gate) hides the markup before
 * the first paint when the URL or a saved scenario opens another page, and opens the view on
 * the window's size as the page's code will; it runs the page's code (named in a <meta> in place
 * of its module script) once that frame is painted. Not for the single offline file (nothing to win
 * from a file on disk, and its scripts are inlined).
 */
export function prerenderFirstFrame(): Plugin {
  let markup = '';
  let gateFile = '';
  return {
    name: 'packetwalk:prerender-first-frame',
    apply: 'build',
    async buildStart() {
      const { html, frame } = await renderInNode();
      const source = await bundleGate(frame);
      // Inline styles, which a Content-Security-Policy without 'unsafe-inline' refuses from HTML, are set by the gate.
      markup = html.replace(/ style="/g, ` ${PRERENDERED_STYLE}="`);
      gateFile = `assets/first-frame-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: gateFile, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(page) {
        if (!page.includes(ROOT_ELEMENT)) throw new Error(`prerender: index.html has no ${ROOT_ELEMENT}`);
        if (!ENTRY_SCRIPT.test(page)) throw new Error('prerender: index.html has no module script for the page');
        return {
          html: page
            .replace(ROOT_ELEMENT, `<div id="root" data-prerendered>${markup}</div><template ${PRERENDERED_END}></template>`)
            // Fetched and run by the gate once the first frame is painted (PAGE_ENTRY).
            .replace(ENTRY_SCRIPT, `<meta name="${PAGE_ENTRY}" content="$1" />`),
          tags: [{ tag: 'script', attrs: { src: `./${gateFile}` }, injectTo: 'head-prepend' }],
        };
      },
    },
  };
}

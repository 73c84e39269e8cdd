import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

/** Writes the one CSP into index.html (frame-ancestors is ignored in a meta tag, so it is sent only as a header). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'factmark-csp',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [contentSecurityPolicy()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    // FM_RENDERER_DIR lets parallel test runs build and serve their own copy (developers' guide)
    outDir: process.env.FM_RENDERER_DIR ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // no inline module-preload polyfill: the CSP allows no inline script
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // one stylesheet, as before the code-splitting: lazily loaded chunks add no <link>, so the cascade order and the
    // first paint of a lazily loaded view are the same as when everything was one bundle (26 KB, parsed at start)
    cssCodeSplit: false,
  },
  preview: { port: 5173, strictPort: true },
});

/**
 * The Content-Security-Policy of the renderer: one string, sent as a header by Electron's app:// handler and
 * written into index.html as a meta tag at build time. No inline script, no eval, nothing from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

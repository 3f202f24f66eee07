/**
 * The page's Content-Security-Policy and the other security headers, in one place: `vite preview` (`npm start`) sends
 * them with every response, index.html carries the policy as a meta tag for hosts that send none, and the README
 * lists them for any static host. What the page needs, and no more: its own scripts and styles (no inline code, no
 * eval), module workers from its own origin or blob: URLs, WebAssembly (the HiGHS solver of the roster optimiser:
 * 'wasm-unsafe-eval' compiles it without allowing eval), images it draws (blob: and data: for exported charts), and
 * requests to its own origin only. `frame-ancestors 'none'` (no other page may frame it) works only as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** What only a header can say: nobody may frame the page (a meta tag's frame-ancestors is ignored). */
export const HEADER_ONLY_POLICY = "frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_POLICY}`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

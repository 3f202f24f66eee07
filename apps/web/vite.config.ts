import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./securityHeaders.js";

/**
 * index.html's Content-Security-Policy meta tag, from securityHeaders.ts (strict: no inline scripts or styles, no
 * eval; WebAssembly allowed, for HiGHS in the roster worker: `wasm-unsafe-eval`), which the built app runs under.
 * Vite's dev server injects component CSS as inline <style> elements, so in dev only the policy also allows inline
 * styles.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: "ccplan:content-security-policy",
    transformIndexHtml: {
      order: "pre",
      handler: (html, context) => {
        const policy = context.server ? CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") : CONTENT_SECURITY_POLICY;
        return html.replace("%CCPLAN_CSP%", policy);
      },
    },
  };
}

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicyMeta()],
  worker: { format: "es" },
  // `npm start` serves the built page with the security headers (frame-ancestors works only as a header).
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
});

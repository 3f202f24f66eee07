import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

/**
 * index.html carries a strict Content-Security-Policy (no inline scripts or styles, no eval; WebAssembly allowed, for
 * HiGHS in the roster worker: `wasm-unsafe-eval`), which the built app
 * runs under. Vite's dev server injects component CSS as inline <style> elements, so in dev only the policy also
 * allows inline styles.
 */
function relaxStyleCspInDev(): Plugin {
  return {
    name: "ccplan:relax-style-csp-in-dev",
    apply: "serve",
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  plugins: [svelte(), relaxStyleCspInDev()],
  worker: { format: "es" },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
});

// Bundles the built core (dist/index.js and the ~200 modules it imports, zod and d3 included) for Node, into
// dist/node/: index.js (all of core, which Node resolves for `@ccplan/core`: the "node" condition of package.json's
// exports) and engine.js (`@ccplan/core/engine`: the engine and KPI vectors without the schemas), with the modules they
// share in chunks, so that a thread that loads both has one copy of each.
// Why bundle: Node loads ES modules one file at a time (resolve, open, read, compile each), which made loading core cost
// about 0.27 s of CPU in every process and worker thread — a tenth of a short `ccplan simulate`, and with two workers
// a start-up that kept both cores idle. A few files load in half the time. Browsers keep dist/index.js (Vite bundles it
// its own way). HiGHS stays outside: its loader finds highs.wasm beside its own file.
import { rm } from "node:fs/promises";
import { rolldown } from "rolldown";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
await rm(`${root}dist/node`, { recursive: true, force: true });
const bundle = await rolldown({
  input: { index: `${root}dist/index.js`, engine: `${root}dist/engine.js` },
  platform: "node",
  external: ["highs"],
  logLevel: "warn",
});
await bundle.write({ dir: `${root}dist/node`, format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" });
await bundle.close();

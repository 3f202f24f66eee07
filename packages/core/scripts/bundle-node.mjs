// Bundles the built core (dist/index.js and the ~200 modules it imports, zod and d3 included) into one file,
// dist/index.node.js, which Node resolves for `@ccplan/core` (the "node" condition of package.json's exports).
// Why: Node loads ES modules one file at a time (resolve, open, read, compile each), which made loading core cost
// about 0.27 s of CPU in every process and worker thread — a tenth of a short `ccplan simulate`, and with two workers
// a start-up that kept both cores idle. One file loads in half the time. Browsers keep dist/index.js (Vite bundles it
// its own way). HiGHS stays outside: its loader finds highs.wasm beside its own file.
import { rolldown } from "rolldown";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = await rolldown({ input: `${root}dist/index.js`, platform: "node", external: ["highs"], logLevel: "warn" });
await bundle.write({ file: `${root}dist/index.node.js`, format: "esm" });
await bundle.close();

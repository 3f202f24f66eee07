// `vite preview` of a built page on a free port, for the browser benches (comparison.mjs, profile.mjs).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const webRoot = fileURLToPath(new URL("../", import.meta.url));
const viteBin = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves this checkout's built page, or `outDir`; resolves once it answers, with its address and `stop()`. */
export async function servePreview(outDir) {
  const port = await freePort();
  const server = spawn(process.execPath, [viteBin, "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort", ...(outDir ? ["--outDir", outDir] : [])], {
    cwd: webRoot,
    detached: true,
    stdio: "ignore",
  });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      if (tries > 300) {
        stop();
        throw new Error(`vite preview did not answer on ${url}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import type { RunProgressSink } from "@ccplan/worker/node";

/**
 * A progress bar on stderr when stderr is a terminal (nothing when it is piped or in CI logs), redrawn at most
 * 10 times a second: replications done, the total, and the estimated time left.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr, unit = "replications"): { update: RunProgressSink; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, etaSec) {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      drawn = true;
      const width = 30;
      const filled = Math.round((width * Math.min(done, total)) / Math.max(1, total));
      const eta = etaSec === null ? "" : ` · about ${etaSec < 60 ? `${Math.ceil(etaSec)} s` : `${Math.ceil(etaSec / 60)} min`} left`;
      stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor(done)}/${total} ${unit}${eta}\x1b[K`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}

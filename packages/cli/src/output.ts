import { writeSync } from "node:fs";
import { EXIT } from "./errors.js";

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to file descriptor `fd` before returning, as a blocking write would: a large result goes out
 * piece by piece as the reader takes it, never queued whole in memory (a stream to a slow pipe would queue every
 * piece). A descriptor in non-blocking mode that is full (EAGAIN) is waited on, a millisecond at a time. When the
 * reader has gone away (EPIPE: `ccplan … | head`), `onClosed` is called: the CLI ends quietly with 141 there.
 */
export function writeAllSync(fd: number, text: string, onClosed: () => void = () => process.exit(EXIT.pipeClosed)): void {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (code === "EPIPE") {
        onClosed();
        return;
      }
      throw error;
    }
  }
}

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
  // The string itself first: Node encodes it without a Buffer of ours, and it usually goes out whole (a comparison's
  // 25 MB made 25 MB of Buffers to collect). The rest, if any, as bytes from where that write stopped.
  let offset = 0;
  try {
    offset = writeSync(fd, text);
    if (offset === Buffer.byteLength(text, "utf8")) return;
  } catch (error) {
    if (!handled(error, onClosed)) return;
  }
  const bytes = Buffer.from(text, "utf8");
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (!handled(error, onClosed)) return;
    }
  }
}

/** After a failed write: true to try again (EAGAIN: a full non-blocking descriptor, waited on a millisecond), false
 * when the reader has gone away (EPIPE: `onClosed` was called); anything else is thrown. */
function handled(error: unknown, onClosed: () => void): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EAGAIN") {
    Atomics.wait(pause, 0, 0, 1);
    return true;
  }
  if (code === "EPIPE") {
    onClosed();
    return false;
  }
  throw error;
}

import { readFileSync } from "node:fs";
import { InputError } from "./errors.js";

/**
 * Reads a text file the user named, turning "not found" and friends into an InputError that names the path.
 * A leading byte-order mark (which Windows editors write) is dropped, so every reader sees the text alone.
 */
export function readUserFile(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    throw new InputError(`cannot read ${what} ${path}: ${reason}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

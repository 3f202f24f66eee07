import { accessSync, constants, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
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

/** Why `path` cannot be written, in words, or null when it can (as far as can be told before writing). */
function unwritable(path: string): string | null {
  const folder = dirname(path);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return "it is a folder";
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return `no such folder ${folder}`;
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return `not allowed to write in ${folder}`;
  }
}

/**
 * Refuses an output file that cannot be written (its folder missing, a folder in its place, no permission) with an
 * InputError naming it: checked before a long run, so that the run's work is not lost to a typo in a path.
 */
export function checkWritable(path: string | undefined, what: string): void {
  if (path === undefined) return;
  const reason = unwritable(path);
  if (reason !== null) throw new InputError(`cannot write ${what} ${path}: ${reason}`);
}

/** Writes a file the user named; a failure (a missing folder, a full disk) is an InputError that names the path. */
export function writeUserFile(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? `no such folder ${dirname(path)}` : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "not allowed" : (error as Error).message;
    throw new InputError(`cannot write ${what} ${path}: ${reason}`);
  }
}

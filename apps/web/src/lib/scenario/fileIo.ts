// Reading files the planner picks and handing files back to them. Browser-only.

/** Offers text as a file download (JSON unless a type is given); one helper for the whole app. */
export { downloadText } from "../export/download.js";

/** The largest scenario file opened (a 92-day span of 15-minute intervals for many queues fits well within). */
export const MAX_SCENARIO_FILE_BYTES = 10_000_000;
/** The largest forecast CSV read (92 days of 15-minute rows is about 0.3 MB). */
export const MAX_CSV_FILE_BYTES = 5_000_000;

/** The text of a picked file, or what is wrong with it (too large, not text). */
export async function readTextFile(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > maxBytes) {
    return { ok: false, error: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; expected at most ${maxBytes / 1e6} MB` };
  }
  try {
    const buffer = await file.arrayBuffer();
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(buffer) };
  } catch {
    return { ok: false, error: `${file.name} is not UTF-8 text; expected a text file (save it as UTF-8 and try again)` };
  }
}

/** A file name for a scenario called `name`: lower-case words joined by hyphens, `.json`. */
export function scenarioFileName(name: unknown): string {
  const slug = (typeof name === "string" ? name : "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "scenario"}.json`;
}

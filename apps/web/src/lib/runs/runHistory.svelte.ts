// The runs kept in this browser as reactive state: the list, what the last save dropped, import and export.
import { downloadText, fileSlug } from "../export/download";
import { indexedDbStorage, memoryStorage, megabytes, RunArchive } from "./runArchive";
import { readRunFile, runFileText } from "./runFile";
import { runLabel, type SavedRun, type SavedRunSummary } from "./savedRun";

export interface HistoryMessage {
  tone: "info" | "success" | "warning" | "danger";
  text: string;
  /** Problems of an imported file, one per line. */
  details?: string[];
}

/** A fresh id for a run: time and randomness (runs of the same millisecond differ). */
export function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class RunHistory {
  runs: SavedRunSummary[] = $state([]);
  message: HistoryMessage | null = $state(null);
  /** False when the browser would not open IndexedDB: runs are then kept until the page closes. */
  persistent = $state(true);
  loaded = $state(false);
  readonly #archive: Promise<RunArchive>;

  constructor(archive?: RunArchive) {
    this.#archive = archive
      ? Promise.resolve(archive)
      : indexedDbStorage()
          .then((storage) => new RunArchive(storage))
          .catch((error: unknown) => {
            this.persistent = false;
            this.message = { tone: "warning", text: `Runs cannot be kept in this browser (${error instanceof Error ? error.message : String(error)}): they last until the page is closed.` };
            return new RunArchive(memoryStorage());
          });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.runs = await (await this.#archive).list();
    } catch (error) {
      this.message = { tone: "danger", text: `The saved runs could not be read: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.loaded = true;
    }
  }

  /** Keeps a run; says which old runs were dropped to stay under the size cap. */
  async add(run: SavedRun): Promise<void> {
    const archive = await this.#archive;
    try {
      const { dropped } = await archive.save(run);
      this.message =
        dropped.length > 0
          ? {
              tone: "info",
              text: `Saved ${runLabel(run)}. To stay under the ${megabytes(archive.capBytes)} kept for runs, the oldest ${dropped.length === 1 ? "run was" : `${dropped.length} runs were`} removed: ${dropped.map((summary) => `${runLabel(summary)} (${summary.scenarioName})`).join("; ")}.`,
            }
          : null;
    } catch (error) {
      this.message = { tone: "warning", text: `${runLabel(run)} is shown but was not saved: ${error instanceof Error ? error.message : String(error)}` };
    }
    await this.refresh();
  }

  async load(id: string): Promise<SavedRun | null> {
    try {
      return await (await this.#archive).get(id);
    } catch (error) {
      this.message = { tone: "danger", text: `The run could not be read: ${error instanceof Error ? error.message : String(error)}` };
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    const summary = this.runs.find((run) => run.id === id);
    await (await this.#archive).remove(id);
    this.message = summary ? { tone: "info", text: `Deleted ${runLabel(summary)} (${summary.scenarioName}).` } : null;
    await this.refresh();
  }

  /** Downloads a run as a `.ccplan-run.json` file. */
  async exportRun(id: string): Promise<void> {
    const run = await this.load(id);
    if (!run) return;
    const stamp = new Date(run.savedAt).toISOString().slice(0, 16).replace(/[:T]/g, "-");
    downloadText(runFileText(run), `${fileSlug(run.scenarioName)}-${stamp}.ccplan-run.json`, "application/json");
  }

  /** Reads a run file and keeps it; every problem of a bad file is listed and nothing is kept. */
  async importFile(file: File): Promise<SavedRun | null> {
    const read = readRunFile(await file.text(), file.name, newRunId());
    if (!read.ok) {
      this.message = { tone: "danger", text: `${file.name} could not be imported:`, details: read.problems };
      return null;
    }
    await this.add(read.run);
    if (this.message === null || this.message.tone === "info") {
      const dropped = this.message?.text ?? "";
      this.message = { tone: "success", text: `Imported ${runLabel(read.run)} (${read.run.scenarioName}) from ${file.name}. ${dropped}`.trim() };
    }
    return read.run;
  }
}

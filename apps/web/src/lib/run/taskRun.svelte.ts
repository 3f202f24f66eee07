/** The progress bar moves at most this often (milliseconds): 4 times a second reads as smooth for a bar of seconds. */
export const PROGRESS_FRAME_MS = 250;

export type RunStatus = "idle" | "running" | "done" | "cancelled" | "failed";

export interface RunProgressState {
  /** Replications done over every part of the run (with the fraction of those in progress). */
  done: number;
  total: number;
  /** Seconds left, the worker package's estimate; null until it has one. */
  etaSec: number | null;
}

/** A cancellable background task as reactive state for the page: status, progress, the result or the error. */
export class TaskRun<R> {
  status = $state<RunStatus>("idle");
  progress = $state<RunProgressState>({ done: 0, total: 0, etaSec: null });
  /** The last completed result; kept while a new run goes, or after it is cancelled or fails. */
  result = $state.raw<R | null>(null);
  error = $state("");
  /** Wall-clock seconds the last completed run took (a measurement, not a statistic). */
  elapsedSec = $state<number | null>(null);
  #controller: AbortController | null = null;
  #generation = 0;

  get running(): boolean {
    return this.status === "running";
  }

  /** Runs `task`; a run already going is cancelled first. Resolves once this run has settled (never rejects). */
  async start(task: (signal: AbortSignal, onProgress: (done: number, total: number, etaSec: number | null) => void) => Promise<R>): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const generation = ++this.#generation;
    this.status = "running";
    this.error = "";
    this.progress = { done: 0, total: 0, etaSec: null };
    const startedMs = performance.now();
    // The workers report progress up to ~40 times a second (every scenario's run in the pool reports on its own); each
    // change of the bar is a frame for the page to lay out and paint (~7 ms of its thread on a large page, while the
    // workers want every core). The bar moves at most every PROGRESS_FRAME_MS, to the latest figures.
    let latest: RunProgressState | null = null;
    let shownMs = -Infinity;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      pending = undefined;
      shownMs = performance.now();
      if (latest && generation === this.#generation && this.status === "running") this.progress = latest;
    };
    try {
      const result = await task(controller.signal, (done, total, etaSec) => {
        latest = { done, total, etaSec };
        if (pending !== undefined) return;
        const wait = shownMs + PROGRESS_FRAME_MS - performance.now();
        if (wait <= 0) show();
        else pending = setTimeout(show, wait);
      });
      if (generation !== this.#generation) return;
      this.result = result;
      this.elapsedSec = (performance.now() - startedMs) / 1000;
      this.status = "done";
    } catch (error) {
      if (generation !== this.#generation) return;
      if (controller.signal.aborted || (error instanceof Error && error.name === "AbortError")) {
        this.status = "cancelled";
      } else {
        this.status = "failed";
        this.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      clearTimeout(pending);
      if (this.#controller === controller) this.#controller = null;
    }
  }

  /** Stops the running task: the pool's busy workers are terminated at once. */
  cancel(): void {
    if (this.status !== "running") return;
    this.#controller?.abort();
    this.status = "cancelled";
  }
}

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
    try {
      const result = await task(controller.signal, (done, total, etaSec) => {
        if (generation === this.#generation && this.status === "running") this.progress = { done, total, etaSec };
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

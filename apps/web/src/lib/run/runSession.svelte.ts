// The planner's runs: the comparison running now, its settings, the run whose results are on screen, and every
// run kept in this browser. Shared by the planner's tabs, so switching tabs loses nothing.
import type { AssumptionsView, Scenario } from "@ccplan/core";
import type { PrecisionTarget } from "@ccplan/worker";
import { newRunId, RunHistory } from "../runs/runHistory.svelte";
import { runFingerprint } from "../runs/runFile";
import { approximateBytes, type SavedRun } from "../runs/savedRun";

/** Resolves when the browser is idle (at most 1.5 s from now). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 1500 });
    else setTimeout(resolve, 1000);
  });
}
import { ComparisonRun } from "./comparisonRun.svelte";

export class RunSession {
  readonly run = new ComparisonRun();
  readonly history: RunHistory;
  /** The run controls' fields, as typed. */
  replicationsText = $state("100");
  usePrecision = $state(false);
  /** Run at the central values of every uncertain input (the simulation's noise alone). */
  fixedAssumptions = $state(false);
  halfWidthText = $state("1");
  /** The run whose results are on screen: the latest, one restored after a reload, or one reopened from the list. */
  shown: SavedRun | null = $state.raw(null);
  /** Whether `shown` is this page's own latest run (its full JSON is still in the comparison worker). */
  shownIsLive = $state(false);
  /** Counts finished runs, so the page can move to the results when one ends. */
  finished = $state(0);

  constructor(history = new RunHistory()) {
    this.history = history;
    // After a reload, the newest kept run is on screen again (labelled as restored, and stale if the scenario moved on).
    void this.#restoreNewest();
  }

  async #restoreNewest(): Promise<void> {
    await this.history.refresh();
    const newest = this.history.runs[0];
    if (!newest || this.shown !== null) return;
    const run = await this.history.load(newest.id);
    if (run && this.shown === null) {
      this.shown = run;
      this.replicationsText = String(run.settings.maxReplications);
    }
  }

  /** Runs the comparison; when it completes, its results go on screen and into the kept runs. */
  async start(options: {
    scenario: Scenario;
    chosen: string[];
    maxReplications: number;
    precision?: PrecisionTarget;
    assumptions?: AssumptionsView;
    fingerprint?: string;
  }): Promise<void> {
    const { scenario, chosen } = options;
    const assumptions = options.assumptions ?? "combined";
    await this.run.run({ scenario, selected: chosen, maxReplications: options.maxReplications, ...(options.precision && { precision: options.precision }), assumptions });
    const view = this.run.view;
    if (this.run.status !== "done" || !view) return;
    const base: SavedRun = {
      id: newRunId(),
      savedAt: Date.now(),
      scenarioName: view.scenario,
      names: view.scenarios.map((entry) => entry.name),
      replications: view.replications,
      seed: view.seed,
      fingerprint: options.fingerprint ?? runFingerprint(scenario, chosen),
      scenario,
      settings: { chosen, maxReplications: options.maxReplications, precisionHalfWidth: options.precision?.halfWidth ?? null, assumptions },
      view,
      sizeBytes: 0,
    };
    this.shown = base;
    this.shownIsLive = true;
    this.finished++;
    // Kept once the page is idle: measuring and storing a run holds the main thread for some 30 ms, which must not
    // add to the drawing of its results.
    await whenIdle();
    base.sizeBytes = approximateBytes(base);
    await this.history.add(base);
  }

  /** Puts a kept run's results on screen. */
  async show(id: string): Promise<void> {
    const run = await this.history.load(id);
    if (run) {
      this.shown = run;
      this.shownIsLive = false;
    }
  }
}

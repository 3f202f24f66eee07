import {
  applyCalibration as applyCalibrationToScenario,
  migrate,
  parseScenario,
  parseScenarioText,
  staffingWarnings,
  type Calibration,
  type Scenario,
  type ScenarioIssue,
  type ScenarioWarning,
} from "@ccplan/core";
import { untrack } from "svelte";
import { discardUnreadable, NO_STORAGE, restoreAutosave, writeAutosave, type StorageLike } from "./autosave.js";
import { defaultScenario, type BundledScenario } from "./bundled.js";
import { draftText, isObject, tryJson, type Draft } from "./draft.js";
import { forecastFromCsv } from "./forecastCsv.js";
import { combinedIntervention, duplicateIntervention, newIntervention } from "./interventionTemplates.js";
import { indexIssues, type IssueIndex } from "./issueIndex.js";
import { decodeShareFragment, encodeShareFragment } from "./shareLink.js";
import { withImportedForecast } from "./withImportedForecast.js";

/** A short message about what just happened ("Opened …", "Saved …"). */
export interface Notice {
  tone: "info" | "success" | "warning";
  text: string;
  /** Puts back what the action changed (a removed intervention, shift, …). */
  undo?: () => void;
}

/** Something the planner asked for that was refused, with every reason; the scenario on screen is unchanged. */
export interface Problem {
  title: string;
  /** Core's issues (scenario files and links) or line-numbered messages (CSV files). */
  issues: { path: string; message: string }[];
  /** A file that is JSON but not a valid scenario may still be opened, to fix it in the editors. */
  openAnyway?: { draft: Draft; source: string };
}

/** A replacement waiting for the planner's word, because the scenario on screen has unsaved changes. */
export interface PendingReplace {
  draft: Draft;
  source: string;
  /** The name of what would replace the scenario on screen. */
  incomingName: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const nameOf = (draft: Draft) => (typeof draft.name === "string" && draft.name !== "" ? draft.name : "(untitled)");
const interventionsOf = (draft: Draft): Draft[] => (Array.isArray(draft.interventions) ? draft.interventions.filter(isObject) : []);

/**
 * The scenario on screen: the draft the editors change (what the planner typed, valid or not), core's verdict on
 * it, the last valid scenario (what runs), which interventions to compare, and everything that replaces it (open,
 * bundled scenarios, shared links, forecast import) or keeps it (autosave). Create it while a component initialises:
 * autosave runs as an effect.
 */
export class ScenarioStore {
  draft: Draft = $state({});
  /** One flag per intervention of the draft: compare it with the baseline. */
  compare: boolean[] = $state([]);
  /** The file text when last opened or saved; the draft is "unsaved" when its text differs. */
  cleanText = $state("");
  /** Where the scenario on screen came from, for the header ("default.json", "a shared link", …). */
  source = $state("");
  /** Counts replacements, so editors with local state start afresh on a new scenario. */
  revision = $state(0);
  notice: Notice | null = $state(null);
  problem: Problem | null = $state(null);
  pending: PendingReplace | null = $state(null);
  /** Autosaved texts that could not be read, kept for the planner to download or discard. */
  unreadable: string[] = $state([]);
  /** Why the last change is not kept in this browser (storage refused it, or there is none); null once one is kept. */
  storageError: string | null = $state(null);
  /** The queue the forecast editor shows, where an imported forecast goes. */
  activeQueue = $state(0);

  readonly text: string = $derived(draftText($state.snapshot(this.draft) as Draft));
  readonly result = $derived(parseScenario($state.snapshot(this.draft)));
  readonly issues: IssueIndex = $derived(indexIssues(this.result.ok ? [] : this.result.issues));
  /** What a valid scenario may still get wrong: shifts on while their queues have no contacts (core's staffingWarnings). */
  readonly warnings: ScenarioWarning[] = $derived(this.result.ok ? staffingWarnings(this.result.scenario) : []);
  readonly dirty: boolean = $derived(this.text !== this.cleanText);

  #lastValid: Scenario | null = null;
  /** The scenario to run: the current one when valid, else the last valid one (null when there never was one). */
  readonly valid: Scenario | null = $derived.by(() => {
    const result = this.result;
    if (result.ok) this.#lastValid = result.scenario;
    return this.#lastValid;
  });

  /** Names of the interventions ticked for comparison that the scenario to run has. */
  readonly selectedNames: string[] = $derived.by(() => {
    const names = new Set(this.valid?.interventions.map((entry) => entry.name) ?? []);
    return interventionsOf(this.draft)
      .map((entry, index) => (this.compare[index] ? String(entry.name ?? "") : null))
      .filter((name): name is string => name !== null && names.has(name));
  });

  #storage: StorageLike | null;

  constructor(storage: StorageLike | null) {
    this.#storage = storage;
    const restored = storage ? restoreAutosave(storage) : null;
    this.unreadable = restored?.unreadable ?? [];
    if (restored?.draft) {
      this.#replace(restored.draft, "this browser (autosaved)", restored.compare);
      if (!restored.dirty) this.cleanText = this.text;
      else this.cleanText = "";
      if (restored.fromVersion !== undefined) {
        this.notice = { tone: "info", text: `The scenario kept in this browser was written in format version ${restored.fromVersion}; it was upgraded to the current format.` };
      }
    } else this.#openBundledNow(defaultScenario());
    if (!storage) this.storageError = NO_STORAGE;
    if (storage) {
      $effect(() => {
        const state = { text: this.text, valid: this.result.ok, dirty: this.dirty, compare: this.selectedNames };
        untrack(() => (this.storageError = writeAutosave(storage, state)));
      });
    }
  }

  /** A scenario file's text: opened when valid (after asking, if the scenario on screen has unsaved changes). */
  openText(text: string, source: string): void {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      const json = tryJson(text);
      const raw = json.ok && isObject(json.value) ? json.value : null;
      this.problem = {
        title: `${source.startsWith("the ") ? capitalise(source) : source} was not opened: it is not a valid scenario`,
        issues: parsed.issues,
        ...(raw && !parsed.issues.some((issue) => issue.path === "version") && { openAnyway: { draft: raw, source } }),
      };
      return;
    }
    const raw = JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
    const migrated = migrate(raw);
    this.#offer(migrated.ok && isObject(migrated.scenario) ? migrated.scenario : (raw as Draft), source);
  }

  /** Opens a bundled scenario (after asking, if the scenario on screen has unsaved changes). */
  openBundled(entry: BundledScenario): void {
    this.openText(entry.text, entry.fileName);
  }

  /** Opens the scenario a share link carries, validated like a file. */
  async openShared(hash: string): Promise<void> {
    const decoded = await decodeShareFragment(hash);
    if (!decoded.ok) {
      this.problem = { title: "The shared link was not opened", issues: [{ path: "", message: decoded.error }] };
      return;
    }
    this.openText(decoded.text, "the shared link");
  }

  /** The fragment of a link that carries the scenario on screen, or why there is none. */
  async shareFragment(): Promise<{ ok: true; fragment: string } | { ok: false; error: string }> {
    return encodeShareFragment(JSON.stringify($state.snapshot(this.draft)));
  }

  /** Opens a file with problems anyway, so the editors show each one beside its field. */
  openAnyway(): void {
    const offer = this.problem?.openAnyway;
    if (!offer) return;
    this.problem = null;
    this.#offer(offer.draft, offer.source);
  }

  confirmPending(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) this.#replaceWithNotice(pending.draft, pending.source);
  }

  cancelPending(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) this.notice = { tone: "info", text: `Kept “${nameOf(this.draft)}”; ${pending.source} was not opened.` };
  }

  /** Reads a forecast CSV into queue `queueIndex`'s contacts per interval; refused, with line numbers, if anything is wrong. */
  importForecast(text: string, fileName: string, queueIndex: number): void {
    const snapshot = $state.snapshot(this.draft) as Draft;
    const days = Array.isArray(snapshot.days) ? (snapshot.days as Parameters<typeof forecastFromCsv>[1]["days"]) : [];
    const read = forecastFromCsv(text, { days });
    if (!read.ok) {
      this.problem = { title: `${fileName} was not imported`, issues: read.errors.map((message) => ({ path: "", message })) };
      return;
    }
    const next = withImportedForecast(snapshot, queueIndex, read.forecast);
    const parsed = parseScenario(next);
    if (!parsed.ok) {
      this.problem = { title: `${fileName} was read, but the scenario would not be valid with it, so nothing changed`, issues: parsed.issues };
      return;
    }
    this.draft = next;
    this.problem = null;
    const queue = (next.queues as Draft[])[queueIndex];
    const f = read.forecast;
    const parts = [
      `Imported ${f.rows.toLocaleString("en-US")} intervals of ${f.intervalMinutes} minutes from ${fileName} into queue “${String(queue?.name ?? queueIndex + 1)}”`,
      f.startDate ? `the span is now ${f.days!.length} days from ${f.startDate}` : "",
      f.missingIntervals > 0 ? `${f.missingIntervals.toLocaleString("en-US")} intervals not in the file are set to 0 contacts` : "",
      f.ignoredColumns.length > 0 ? `columns ${f.ignoredColumns.join(", ")} were ignored` : "",
    ];
    this.notice = { tone: "success", text: `${parts.filter(Boolean).join("; ")}.` };
  }

  /** Writes a calibration into queue `queueIndex` (handle time, patience curve, priority class: core's
   * `applyCalibration`); refused, with core's reasons, if the scenario would not be valid. Undoable. */
  applyCalibration(calibration: Calibration, queueIndex: number): void {
    const snapshot = $state.snapshot(this.draft) as Draft;
    const queue = (Array.isArray(snapshot.queues) ? snapshot.queues : [])[queueIndex] as Draft | undefined;
    const name = typeof queue?.name === "string" ? queue.name : undefined;
    const applied = applyCalibrationToScenario(snapshot, calibration, name === undefined ? {} : { queue: name });
    if (!applied.ok) {
      this.problem = { title: "The calibration was not applied", issues: [{ path: "", message: applied.error }] };
      return;
    }
    const before = snapshot;
    this.draft = applied.scenario as Draft;
    this.problem = null;
    this.notice = {
      tone: "success",
      text: `Applied the calibration to queue “${name ?? queueIndex + 1}”: handle time (talk plus allowance), the measured patience curve${calibration.model.priority ? " and the priority class" : ""}.`,
      undo: () => {
        this.draft = before;
        this.notice = { tone: "info", text: "The calibration was taken back out of the scenario." };
      },
    };
  }

  /** After the file was handed to the planner: the scenario is no longer "unsaved". */
  markSaved(fileName: string): void {
    this.cleanText = this.text;
    this.notice = {
      tone: this.result.ok ? "success" : "warning",
      text: this.result.ok ? `Saved as ${fileName}.` : `Saved as ${fileName}, with its ${this.issues.all.length} problem(s): fix them before you run it.`,
    };
  }

  discardUnreadable(): void {
    if (this.#storage) discardUnreadable(this.#storage);
    this.unreadable = [];
  }

  // Interventions: add, duplicate, remove; renaming is editing the name field.
  addIntervention(kind: string): number {
    const entry = newIntervention(kind, $state.snapshot(this.draft) as Draft, this.valid ? ($state.snapshot(this.valid) as Scenario) : null);
    if (!Array.isArray(this.draft.interventions)) this.draft.interventions = [];
    (this.draft.interventions as Draft[]).push(entry);
    this.compare.push(true);
    return (this.draft.interventions as Draft[]).length - 1;
  }

  /** Adds a `combined` intervention of the interventions at `indices` (copies, in that order), ticked to compare. */
  addCombined(indices: readonly number[]): number {
    const entry = combinedIntervention(indices, $state.snapshot(this.draft) as Draft);
    if (!Array.isArray(this.draft.interventions)) this.draft.interventions = [];
    (this.draft.interventions as Draft[]).push(entry);
    this.compare.push(true);
    return (this.draft.interventions as Draft[]).length - 1;
  }

  duplicateIntervention(index: number): number {
    const list = this.draft.interventions as Draft[];
    const copy = duplicateIntervention($state.snapshot(list[index]!) as Draft, $state.snapshot(this.draft) as Draft);
    list.splice(index + 1, 0, copy);
    this.compare.splice(index + 1, 0, this.compare[index] ?? true);
    return index + 1;
  }

  removeIntervention(index: number): void {
    (this.draft.interventions as Draft[]).splice(index, 1);
    this.compare.splice(index, 1);
  }

  /** Issues of the draft whose path is exactly `path`. */
  issuesAt(path: string): ScenarioIssue[] {
    return this.issues.at(path);
  }

  #offer(draft: Draft, source: string): void {
    this.problem = null;
    if (this.dirty) this.pending = { draft, source, incomingName: nameOf(draft) };
    else this.#replaceWithNotice(draft, source);
  }

  #replaceWithNotice(draft: Draft, source: string): void {
    this.#replace(draft, source, null);
    this.cleanText = this.text;
    this.notice = { tone: "success", text: `Opened “${nameOf(draft)}” from ${source}.` };
  }

  #openBundledNow(entry: BundledScenario): void {
    const raw = JSON.parse(entry.text) as Draft;
    this.#replace(raw, entry.fileName, null);
    this.cleanText = this.text;
  }

  #replace(draft: Draft, source: string, compare: string[] | null): void {
    this.draft = draft;
    this.compare = interventionsOf(draft).map((entry) => (compare ? compare.includes(String(entry.name ?? "")) : true));
    this.source = source;
    this.revision += 1;
  }
}

import { migrate, SCENARIO_VERSION } from "@ccplan/core";
import { isObject, tryJson, type Draft } from "./draft.js";

/** The part of the Web Storage API autosave uses (localStorage in the page, a Map in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage keys. `scenario` holds the last valid scenario as file text; `draft`, the work in progress while it
 * has problems; `unreadable`, texts found there that could not be read, kept until the planner discards them. */
export const AUTOSAVE_KEYS = {
  scenario: "ccplan.scenario",
  draft: "ccplan.draft",
  dirty: "ccplan.dirty",
  compare: "ccplan.compare",
  unreadable: "ccplan.unreadable",
} as const;

/** What the browser had kept from the last visit. */
export interface Restored {
  /** The scenario to show (possibly with problems, for the editors to point at), or null: nothing was saved. */
  draft: Draft | null;
  /** Set when the saved scenario was written by an older format and upgraded by core's `migrate`. */
  fromVersion?: number;
  /** Whether it had changes not yet saved to a file. */
  dirty: boolean;
  /** Names of the interventions ticked for comparison, or null when none were saved. */
  compare: string[] | null;
  /** Saved texts that could not be read as a scenario, kept whole. */
  unreadable: string[];
}

function readUnreadable(storage: StorageLike): string[] {
  const raw = storage.getItem(AUTOSAVE_KEYS.unreadable);
  if (raw === null) return [];
  const parsed = tryJson(raw);
  if (parsed.ok && Array.isArray(parsed.value) && parsed.value.every((entry) => typeof entry === "string")) return parsed.value as string[];
  return [raw];
}

/**
 * Reads what autosave kept. A saved scenario of an older format is upgraded with core's `migrate`; text that is not
 * JSON, not an object, or of a version this ccplan cannot read is moved, whole, to the `unreadable` list (returned,
 * and kept in storage) rather than dropped. A scenario with problems is returned as it is, for the editors to show.
 */
export function restoreAutosave(storage: StorageLike): Restored {
  const unreadable = readUnreadable(storage);
  const before = unreadable.length;
  const restored: Restored = { draft: null, dirty: storage.getItem(AUTOSAVE_KEYS.dirty) === "1", compare: null, unreadable };

  const read = (key: string): { draft: Draft; fromVersion: number } | null => {
    const text = storage.getItem(key);
    if (text === null) return null;
    const json = tryJson(text);
    const migrated = json.ok && isObject(json.value) ? migrate(json.value) : null;
    if (migrated?.ok && isObject(migrated.scenario)) return { draft: migrated.scenario, fromVersion: migrated.fromVersion };
    unreadable.push(text);
    storage.removeItem(key);
    return null;
  };
  const scenario = read(AUTOSAVE_KEYS.scenario);
  const draft = read(AUTOSAVE_KEYS.draft);
  const chosen = draft ?? scenario;
  if (chosen) {
    restored.draft = chosen.draft;
    if (chosen.fromVersion < SCENARIO_VERSION) restored.fromVersion = chosen.fromVersion;
  }
  const compare = tryJson(storage.getItem(AUTOSAVE_KEYS.compare) ?? "");
  if (compare.ok && Array.isArray(compare.value)) restored.compare = compare.value.filter((name): name is string => typeof name === "string");
  if (unreadable.length !== before) storage.setItem(AUTOSAVE_KEYS.unreadable, JSON.stringify(unreadable));
  return restored;
}

/** What autosave writes after every change. */
export interface AutosaveState {
  /** The scenario's file text. */
  text: string;
  /** Whether core accepts it: a valid scenario replaces the saved one; one with problems is kept beside it. */
  valid: boolean;
  dirty: boolean;
  compare: readonly string[];
}

/** Writes the current scenario. Returns an error message when the browser refuses (storage full or disabled). */
export function writeAutosave(storage: StorageLike, state: AutosaveState): string | null {
  try {
    if (state.valid) {
      storage.setItem(AUTOSAVE_KEYS.scenario, state.text);
      storage.removeItem(AUTOSAVE_KEYS.draft);
    } else storage.setItem(AUTOSAVE_KEYS.draft, state.text);
    storage.setItem(AUTOSAVE_KEYS.dirty, state.dirty ? "1" : "0");
    storage.setItem(AUTOSAVE_KEYS.compare, JSON.stringify(state.compare));
    return null;
  } catch (error) {
    return `this browser did not let ccplan keep your last change (${storageRefusal(error)}); save the scenario as a file to keep it`;
  }
}

/** Why a browser refused to store, in a planner's words (DOMException names are the same in every browser). */
export function storageRefusal(error: unknown): string {
  const name = error instanceof Error || (typeof error === "object" && error !== null && "name" in error) ? String((error as { name: unknown }).name) : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || /quota/i.test(message)) return "its storage for this site is full";
  if (name === "SecurityError") return "its storage is turned off for this site";
  return message;
}

/** What the status says when the browser has no storage at all (disabled, or blocked for this site). */
export const NO_STORAGE = "this browser keeps nothing for this site (its storage is turned off); save the scenario as a file to keep it";

/** Forgets the unreadable texts, once the planner has looked at them (and perhaps downloaded them). */
export function discardUnreadable(storage: StorageLike): void {
  storage.removeItem(AUTOSAVE_KEYS.unreadable);
}

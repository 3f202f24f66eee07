// The last sensitivity analysis, kept in the browser with the fingerprint of the scenario it analysed: a reload
// must not lose minutes of simulation (the runs are kept in IndexedDB; this one result, a few tens of kB, in
// localStorage). What comes back from storage is checked before it is drawn.
import { scenarioFingerprint, type SensitivityResult } from "@ccplan/core";
import type { StorageLike } from "../scenario/autosave";

export const SENSITIVITY_KEY = "ccplan.sensitivity";

export interface KeptSensitivity {
  result: SensitivityResult;
  /** core's scenarioFingerprint of the scenario analysed: the page says when the scenario has changed since. */
  fingerprint: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isNumberOrNull = (value: unknown) => value === null || typeof value === "number";
const isPair = (value: unknown) => value === null || (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === "number"));

function isBar(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.input === "string" &&
    typeof value.label === "string" &&
    typeof value.unit === "string" &&
    ["base", "low", "high"].every((key) => typeof value[key] === "number") &&
    ["outputLow", "outputHigh", "swing"].every((key) => isNumberOrNull(value[key])) &&
    isPair(value.swingCi95)
  );
}

function isTornado(value: unknown): boolean {
  return (
    isObject(value) &&
    isObject(value.output) &&
    ["id", "label", "unit"].every((key) => typeof (value.output as Record<string, unknown>)[key] === "string") &&
    isNumberOrNull(value.base) &&
    Array.isArray(value.bars) &&
    value.bars.every(isBar)
  );
}

/** Whether `value` has the shape of core's SensitivityResult, as the tornados read it. */
export function isSensitivityResult(value: unknown): value is SensitivityResult {
  return (
    isObject(value) &&
    typeof value.scenario === "string" &&
    (value.intervention === null || typeof value.intervention === "string") &&
    typeof value.replications === "number" &&
    typeof value.seed === "number" &&
    (value.currency === null || typeof value.currency === "string") &&
    Array.isArray(value.tornados) &&
    value.tornados.every(isTornado)
  );
}

/** Keeps `result` for the scenario it analysed; false when the browser refused (storage full or turned off). */
export function keepSensitivity(storage: StorageLike, result: SensitivityResult, scenario: unknown): boolean {
  try {
    storage.setItem(SENSITIVITY_KEY, JSON.stringify({ result, fingerprint: scenarioFingerprint(scenario) } satisfies KeptSensitivity));
    return true;
  } catch {
    return false;
  }
}

/** The analysis kept, or null: none kept, or what was kept is not one (then it is removed). */
export function keptSensitivity(storage: StorageLike): KeptSensitivity | null {
  try {
    const text = storage.getItem(SENSITIVITY_KEY);
    if (text === null) return null;
    const kept = JSON.parse(text) as unknown;
    if (isObject(kept) && typeof kept.fingerprint === "string" && isSensitivityResult(kept.result)) return { result: kept.result, fingerprint: kept.fingerprint };
    storage.removeItem(SENSITIVITY_KEY);
  } catch {
    // Not JSON, or storage turned off: nothing kept.
  }
  return null;
}

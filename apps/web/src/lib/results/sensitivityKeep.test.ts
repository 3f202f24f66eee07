import { scenarioFingerprint, type SensitivityResult } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import type { StorageLike } from "../scenario/autosave";
import { keepSensitivity, keptSensitivity, SENSITIVITY_KEY } from "./sensitivityKeep";

function memory(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

const result: SensitivityResult = {
  scenario: "Mid-size retail",
  intervention: "Training",
  replications: 10,
  seed: 1,
  currency: "USD",
  tornados: [
    {
      output: { id: "roi", label: "ROI", unit: "fraction" },
      base: 8.7,
      bars: [{ input: "training.fcrChange", label: "Training: FCR gain (points)", unit: "fraction", base: 0.05, low: 0.04, high: 0.06, outputLow: 7.9, outputHigh: 9.5, swing: 1.6, swingCi95: [1.2, 2.0], swingReplications: 10 }],
    },
  ],
};
const scenario = { name: "Mid-size retail", seed: 1 };

describe("keepSensitivity / keptSensitivity", () => {
  it("gives back the analysis kept, with the fingerprint of the scenario it analysed", () => {
    const storage = memory();
    expect(keepSensitivity(storage, result, scenario)).toBe(true);
    expect(keptSensitivity(storage)).toEqual({ result, fingerprint: scenarioFingerprint(scenario) });
  });
  it("drops what is not an analysis (damaged, or from another version) instead of drawing it", () => {
    const storage = memory();
    storage.setItem(SENSITIVITY_KEY, JSON.stringify({ fingerprint: "x", result: { ...result, tornados: [{ output: { id: "roi" }, bars: "no" }] } }));
    expect(keptSensitivity(storage)).toBeNull();
    expect(storage.map.has(SENSITIVITY_KEY)).toBe(false);
    storage.setItem(SENSITIVITY_KEY, "{not json");
    expect(keptSensitivity(storage)).toBeNull();
  });
  it("says so when the browser refuses to keep it", () => {
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
    expect(keepSensitivity(full, result, scenario)).toBe(false);
  });
});

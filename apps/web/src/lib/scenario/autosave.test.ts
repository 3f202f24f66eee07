import { describe, expect, it } from "vitest";
import { AUTOSAVE_KEYS, discardUnreadable, restoreAutosave, storageRefusal, writeAutosave, type StorageLike } from "./autosave.js";

function memory(entries: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const scenario = JSON.stringify({ version: 1, name: "Saved" });

describe("autosave", () => {
  it("restores nothing from an empty browser", () => {
    expect(restoreAutosave(memory())).toEqual({ draft: null, dirty: false, compare: null, unreadable: [] });
  });

  it("writes a valid scenario and restores it, with its selection and unsaved flag", () => {
    const storage = memory();
    expect(writeAutosave(storage, { text: scenario, valid: true, dirty: true, compare: ["A", "B"] })).toBeNull();
    expect(restoreAutosave(storage)).toEqual({ draft: { version: 1, name: "Saved" }, dirty: true, compare: ["A", "B"], unreadable: [] });
  });

  it("keeps work with problems beside the last valid scenario and restores the work", () => {
    const storage = memory();
    writeAutosave(storage, { text: scenario, valid: true, dirty: false, compare: [] });
    writeAutosave(storage, { text: JSON.stringify({ version: 1, name: "" }), valid: false, dirty: true, compare: [] });
    expect(storage.data.get(AUTOSAVE_KEYS.scenario)).toBe(scenario);
    expect(restoreAutosave(storage).draft).toEqual({ version: 1, name: "" });
    writeAutosave(storage, { text: scenario, valid: true, dirty: true, compare: [] });
    expect(storage.data.has(AUTOSAVE_KEYS.draft)).toBe(false);
  });

  it("keeps text it cannot read, whole, and never drops it", () => {
    const storage = memory({ [AUTOSAVE_KEYS.scenario]: '{"version": 1, "name": "cut sh', [AUTOSAVE_KEYS.draft]: JSON.stringify({ version: 99, name: "future" }) });
    const restored = restoreAutosave(storage);
    expect(restored.draft).toBeNull();
    expect(restored.unreadable).toEqual(['{"version": 1, "name": "cut sh', JSON.stringify({ version: 99, name: "future" })]);
    // Moved out of the way, so the next autosave does not overwrite it, and still there on the next visit.
    expect(storage.data.has(AUTOSAVE_KEYS.scenario)).toBe(false);
    expect(restoreAutosave(storage).unreadable).toHaveLength(2);
    discardUnreadable(storage);
    expect(restoreAutosave(storage).unreadable).toEqual([]);
  });

  it("reports a browser that refuses to store", () => {
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
    expect(writeAutosave(full, { text: scenario, valid: true, dirty: false, compare: [] })).toBe(
      "this browser did not let ccplan keep your last change (its storage for this site is full); save the scenario as a file to keep it",
    );
    const quota = Object.assign(new Error("Failed to execute 'setItem' on 'Storage': Setting the value of 'ccplan.scenario' exceeded the quota."), { name: "QuotaExceededError" });
    expect(storageRefusal(quota)).toBe("its storage for this site is full");
    expect(storageRefusal(Object.assign(new Error("The operation is insecure."), { name: "SecurityError" }))).toBe("its storage is turned off for this site");
    expect(storageRefusal(new Error("disk on fire"))).toBe("disk on fire");
  });
});

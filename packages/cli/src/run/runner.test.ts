import { describe, expect, it } from "vitest";
import { createRunner } from "./runner.js";

describe("createRunner", () => {
  it("closes its pool once, however often close is called (early, when a command's runs are done, and in its finally)", async () => {
    const runner = createRunner(2);
    const source = { kind: "stationary" as const, options: { arrivalsPerHour: 60, ahtSec: 180, agents: 3, patienceSec: 300, hours: 1, seed: 1 } };
    expect(await runner.vectors(source, 0, 4)).toHaveLength(4);
    const early = runner.close();
    const again = runner.close();
    expect(again).toBe(early);
    await expect(again).resolves.toBeUndefined();
    expect(() => runner.vectors(source, 0, 1)).toThrow(/closed/);
  });
});

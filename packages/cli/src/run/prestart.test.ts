import { describe, expect, it } from "vitest";
import { workersToPrestart } from "./prestart.js";

describe("workersToPrestart", () => {
  it("starts the threads --workers asks for beside this one, at most one per core in all", () => {
    expect(workersToPrestart(["simulate", "--rate", "200", "--workers", "2"], 2)).toBe(1);
    expect(workersToPrestart(["compare", "s.json", "--workers=3"], 4)).toBe(2);
    expect(workersToPrestart(["sensitivity", "s.json", "--workers", "8"], 2)).toBe(1);
  });

  it("starts one per core beside this one without --workers, the default", () => {
    expect(workersToPrestart(["simulate", "scenarios/default.json"], 2)).toBe(1);
    expect(workersToPrestart(["simulate", "scenarios/default.json"], 4)).toBe(3);
    expect(workersToPrestart(["roster", "s.json"], 1)).toBe(0);
  });

  it("starts none for one worker, help, commands without a pool or an unclear --workers", () => {
    expect(workersToPrestart(["simulate", "--workers", "1"], 2)).toBe(0);
    expect(workersToPrestart(["simulate", "--help"], 2)).toBe(0);
    expect(workersToPrestart(["erlang", "--rate", "100"], 2)).toBe(0);
    expect(workersToPrestart(["calibrate", "log.csv"], 2)).toBe(0);
    expect(workersToPrestart([], 2)).toBe(0);
    expect(workersToPrestart(["simulate", "--workers", "two"], 2)).toBe(0);
    expect(workersToPrestart(["simulate", "--workers"], 2)).toBe(0);
    expect(workersToPrestart(["simulate", "--workers", "2", "--workers", "3"], 2)).toBe(0);
  });
});

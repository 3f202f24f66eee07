import { describe, expect, it } from "vitest";
import { runKey } from "./phases.js";
import { SampleBook } from "./sampleBook.js";
import type { Scenario, ScenarioRecipe } from "../index.js";

// A book only needs what `runKey` reads; any plain scenario-shaped object keys it.
const scenario = { name: "s", seed: 1, intervalMinutes: 30, days: ["mon"], queues: [], groups: [], interventions: [] } as unknown as Scenario;
const recipe = { scenario } as ScenarioRecipe;
const request = (replications: number) => ({ scenario, recipe, replications });
const sample = (k: number) => ({ serviceLevel: k / 10 });

describe("the book of runs already made", () => {
  it("answers with the first replications once all of them are kept, whatever order the batches came in", () => {
    const book = new SampleBook();
    const key = runKey(scenario, recipe);
    book.add(key, 2, [sample(2), sample(3)]);
    expect(book.get(request(1))).toBeUndefined();
    book.add(key, 0, [sample(0), sample(1)]);
    expect(book.get(request(4))).toEqual([0, 1, 2, 3].map(sample));
    expect(book.get(request(3))).toEqual([0, 1, 2].map(sample));
    expect(book.get(request(5))).toBeUndefined();
  });

  it("keeps a replication as it was first kept", () => {
    const book = new SampleBook();
    const key = runKey(scenario, recipe);
    book.add(key, 0, [sample(0)]);
    book.add(key, 0, [{ serviceLevel: 99 }, sample(1)]);
    expect(book.get(request(2))).toEqual([sample(0), sample(1)]);
  });
});

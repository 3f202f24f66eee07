import { describe, expect, it } from "vitest";
import { usePlan } from "./capacityDraft";

describe("capacity edits of the draft", () => {
  it("puts a hiring plan's classes in place of the uncommitted ones, keeping the committed", () => {
    const capacity = { groups: { A: { hiring: { classes: [{ week: 10, size: 6, committed: true }, { week: 20, size: 5 }] } } } };
    usePlan(capacity, [{ group: "A", week: 15, size: 4 }]);
    expect(capacity.groups.A.hiring.classes).toEqual([
      { week: 10, size: 6, committed: true },
      { week: 15, size: 4, committed: false },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { starterCapacity, usePlan } from "./capacityDraft";

describe("capacity edits of the draft", () => {
  it("starts a capacity block from the scenario's groups: headcount the agents of their shifts", () => {
    const draft = { startDate: "2027-01-04", groups: [{ name: "A", shifts: [{ agents: 4 }, { agents: 6 }] }, { name: "B", shifts: [] }] };
    expect(starterCapacity(draft)).toEqual({ start: "2027-01-04", weeks: 52, groups: { A: { headcount: 10 }, B: { headcount: 0 } } });
  });

  it("puts a hiring plan's classes in place of the uncommitted ones, keeping the committed", () => {
    const capacity = { groups: { A: { hiring: { classes: [{ week: 10, size: 6, committed: true }, { week: 20, size: 5 }] } } } };
    usePlan(capacity, [{ group: "A", week: 15, size: 4 }]);
    expect(capacity.groups.A.hiring.classes).toEqual([
      { week: 10, size: 6, committed: true },
      { week: 15, size: 4, committed: false },
    ]);
  });
});

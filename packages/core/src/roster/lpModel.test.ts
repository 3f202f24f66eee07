import { describe, expect, it } from "vitest";
import { LpModel } from "./lpModel.js";

describe("LpModel", () => {
  it("writes CPLEX LP text: every variable in the objective in index order, bounds, ranges and generals", () => {
    const model = new LpModel();
    const x = model.addVariable("x", { cost: 3, integer: true });
    const y = model.addVariable("y", { cost: 0, upper: 4 });
    const z = model.addVariable("z", { cost: -1.5, lower: -2, upper: 2 });
    model.addConstraint("cover", [[x, 1], [y, 2], [x, 1]], { lower: 3 });
    model.addConstraint("cap", [[y, 1], [z, -1]], { upper: 5 });
    model.addConstraint("band", [[x, 1]], { lower: 1, upper: 7 });
    model.addConstraint("fix", [[z, 1], [y, 0]], { lower: 1, upper: 1 });
    expect(model.toLpText()).toBe(
      [
        "Minimize",
        " obj: + 3 x + 0 y - 1.5 z",
        "Subject To",
        " cover: + 2 x + 2 y >= 3",
        " cap: + 1 y - 1 z <= 5",
        " band.lo: + 1 x >= 1",
        " band.hi: + 1 x <= 7",
        " fix: + 1 z = 1",
        "Bounds",
        " 0 <= y <= 4",
        " -2 <= z <= 2",
        "General",
        " x",
        "End",
        "",
      ].join("\n"),
    );
    expect(model.objectiveAt([2, 1, 2])).toBe(3);
  });

  it("refuses names the LP reader could misread, duplicates and empty constraints", () => {
    const model = new LpModel();
    model.addVariable("a");
    expect(() => model.addVariable("a")).toThrow(/duplicate LP name "a"/);
    expect(() => model.addVariable("2x")).toThrow(/invalid LP name "2x"/);
    expect(() => model.addVariable("has space")).toThrow(/invalid LP name/);
    expect(() => model.addConstraint("free", [[0, 1]], {})).toThrow(/at least one finite/);
    expect(() => model.addConstraint("bad", [[3, 1]], { lower: 0 })).toThrow(/no variable 3/);
    expect(() => model.addVariable("b", { lower: 2, upper: 1 })).toThrow(/expected lower ≤ upper/);
  });
});

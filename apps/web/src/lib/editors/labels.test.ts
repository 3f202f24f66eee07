import { describe, expect, it } from "vitest";
import { defaultScenario } from "../scenario/bundled.js";
import { fractionHelp, fractionStyleOf, labelFor, listHelp, PERCENT, unitFor } from "./labels.js";
import { helpAt } from "./schema.js";

const draft = JSON.parse(defaultScenario().text) as Record<string, unknown>;
const training = { ...draft, interventions: [{ kind: "training", name: "T" }] };

describe("fractionHelp: a fraction field's help says how the percent typed here reads in the file", () => {
  it("follows the training's AHT help (which speaks of −0.08) with the percent convention", () => {
    const help = fractionHelp(helpAt(["interventions", 0, "ahtChange"], training), fractionStyleOf("ahtChange"));
    expect(help).toMatch(/^Relative change of the trained agents' handle time at full effect, e\.g\. −0\.08 for 8% shorter\./);
    expect(help.endsWith("In percent here; the file keeps −8 % as −0.08.")).toBe(true);
  });

  it("says points for the FCR gain, and the convention alone without a help text", () => {
    expect(fractionHelp(helpAt(["interventions", 0, "fcrChange"], training), fractionStyleOf("fcrChange"))).toMatch(/In points here; the file keeps \+5 points as 0\.05\.$/);
    expect(fractionHelp("", fractionStyleOf("shrinkage"))).toBe("In percent here; the file keeps 8 % as 0.08.");
  });

  it("leaves a field that is not a fraction as the schema says", () => {
    expect(fractionHelp("Cost per trainee.", fractionStyleOf("costPerTrainee"))).toBe("Cost per trainee.");
  });
});

describe("the Year view's monthly lists", () => {
  it("types monthly shrinkage in percent, as every other share, and the seasonal index as a factor on the forecast", () => {
    expect(fractionStyleOf("shrinkageByMonth")).toEqual(PERCENT);
    expect(unitFor("shrinkageByMonth", "USD")).toBe("%");
    expect(fractionStyleOf("monthlyIndex")).toBeNull();
    expect(unitFor("monthlyIndex", "USD")).toBe("× the forecast");
    expect(listHelp("monthlyIndex", "Seasonal index.")).toBe("Seasonal index. An index, not a share: 1.1 is 10 % above the forecast, 0.9 is 10 % below, 1 is the forecast itself.");
  });
});

describe("labels in a block", () => {
  it("names a hiring class's weeks in class as such, a training's class weeks as spread over", () => {
    expect(labelFor("classWeeks", "hiring")).toBe("Weeks in class");
    expect(labelFor("classWeeks", 3)).toBe("Class spread over");
    expect(labelFor("classWeeks")).toBe("Class spread over");
  });
});

import { describe, expect, it } from "vitest";
import { fieldId, isWithin, parsePath, pathText } from "./paths.js";
import { indexIssues } from "./issueIndex.js";

describe("paths", () => {
  it("parsePath inverts core's formatPath", () => {
    for (const keys of [[], ["name"], ["groups", 0, "shifts", 12, "agents"], ["forecast", "intradayProfileByWeekday", "sat"], ["odd key", 3]]) {
      expect(parsePath(pathText(keys))).toEqual(keys);
    }
    expect(pathText(["groups", 0, "shifts", 1, "agents"])).toBe("groups[0].shifts[1].agents");
  });

  it("fieldId gives a selector-safe id", () => {
    expect(fieldId("groups[0].shifts[1].agents")).toBe("f-groups-0-shifts-1-agents");
    expect(fieldId(["money", "wagePerHour"])).toBe("f-money-wagePerHour");
  });

  it("isWithin respects key boundaries", () => {
    expect(isWithin("groups[0].shifts[1]", "groups[0]")).toBe(true);
    expect(isWithin("groups[0]", "groups[0]")).toBe(true);
    expect(isWithin("groups[10]", "groups[1]")).toBe(false);
    expect(isWithin("nameX", "name")).toBe(false);
    expect(isWithin("anything", "")).toBe(true);
  });

  it("indexIssues finds issues at and within a path", () => {
    const issue = (path: string) => ({ path, message: path, received: "", expected: "" });
    const index = indexIssues([issue("name"), issue("groups[0].shrinkage"), issue("groups[0].shifts[1].agents"), issue("groups[1].name")]);
    expect(index.at("groups[0].shrinkage").map((i) => i.path)).toEqual(["groups[0].shrinkage"]);
    expect(index.within("groups[0]").map((i) => i.path)).toEqual(["groups[0].shrinkage", "groups[0].shifts[1].agents"]);
    expect(index.at("nothing")).toEqual([]);
  });
});

import { expect, it } from "vitest";
import { describeValue, formatPath } from "./scenarioIssue.js";

it("formatPath writes dotted keys and bracketed indices", () => {
  expect(formatPath(["groups", 0, "shifts", 1, "agent"])).toBe("groups[0].shifts[1].agent");
  expect(formatPath([])).toBe("");
  expect(formatPath([0, "odd key", "$schema"])).toBe('[0]["odd key"].$schema');
});

it("describeValue renders JSON-ish text, truncated with an ellipsis", () => {
  expect(describeValue(undefined)).toBe("nothing");
  expect(describeValue("x")).toBe('"x"');
  expect(describeValue(Number.NaN)).toBe("NaN");
  expect(describeValue(-Infinity)).toBe("-Infinity");
  expect(describeValue({ a: [1, 2] })).toBe('{"a": [1, 2]}');
  const long = describeValue(Array.from({ length: 1_000_000 }, (_, i) => i));
  expect(long).toHaveLength(60);
  expect(long.startsWith("[0, 1, 2, 3")).toBe(true);
  expect(long.endsWith("…")).toBe(true);
});

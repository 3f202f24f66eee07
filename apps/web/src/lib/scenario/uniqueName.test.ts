import { expect, it } from "vitest";
import { uniqueName } from "./uniqueName.js";

it("uniqueName keeps a free name and numbers a taken one", () => {
  expect(uniqueName("Training", [])).toBe("Training");
  expect(uniqueName("Training", ["Training"])).toBe("Training 2");
  expect(uniqueName("Training", ["Training", "Training 2"])).toBe("Training 3");
  expect(uniqueName("x".repeat(120), ["x".repeat(100)])).toBe(`${"x".repeat(98)} 2`);
});

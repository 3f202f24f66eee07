import { describe, expect, it } from "vitest";
import { experienceSchema } from "./experience.js";
import { DEFAULT_EXPERIENCE } from "./experienceDefaults.js";
import { resolveCentral } from "./uncertain.js";

describe("DEFAULT_EXPERIENCE", () => {
  it("is experienceSchema's defaults at their central values, value for value (update experienceDefaults.ts with the schema)", () => {
    expect(JSON.stringify(DEFAULT_EXPERIENCE)).toBe(JSON.stringify(resolveCentral(experienceSchema.parse({}))));
  });
});

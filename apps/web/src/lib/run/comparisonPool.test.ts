import { describe, expect, it } from "vitest";
import { comparisonPoolSize } from "./comparisonPool";

describe("the page's pool of workers", () => {
  it("uses every core but one, at least one", () => {
    expect(comparisonPoolSize(1)).toBe(1);
    expect(comparisonPoolSize(2)).toBe(1);
    expect(comparisonPoolSize(16)).toBe(15);
  });

  it("takes a whole number of workers from the address (?workers=N), and ignores anything else", () => {
    expect(comparisonPoolSize(2, "2")).toBe(2);
    expect(comparisonPoolSize(8, "1")).toBe(1);
    for (const bad of ["0", "-1", "1.5", "abc", "", "65"]) expect(comparisonPoolSize(2, bad)).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { comparisonPoolSize } from "./comparisonPool";

describe("the page's pool of workers", () => {
  it("uses every core on one or two, every core but one on more", () => {
    expect(comparisonPoolSize(1)).toBe(1);
    expect(comparisonPoolSize(2)).toBe(2);
    expect(comparisonPoolSize(3)).toBe(2);
    expect(comparisonPoolSize(16)).toBe(15);
  });

  it("takes a whole number of workers from the address (?workers=N), and ignores anything else", () => {
    expect(comparisonPoolSize(2, "2")).toBe(2);
    expect(comparisonPoolSize(8, "1")).toBe(1);
    for (const bad of ["0", "-1", "1.5", "abc", "", "65"]) expect(comparisonPoolSize(4, bad)).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { comparisonPoolSize } from "./comparisonPool";

describe("the page's pool of workers", () => {
  it("uses every core but one for the page, yet two workers on two cores and one on one", () => {
    expect(comparisonPoolSize(1)).toBe(1);
    expect(comparisonPoolSize(2)).toBe(2);
    expect(comparisonPoolSize(4)).toBe(3);
    expect(comparisonPoolSize(16)).toBe(15);
  });
});

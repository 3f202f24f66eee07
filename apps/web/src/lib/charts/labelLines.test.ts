import { describe, expect, it } from "vitest";
import { labelLines } from "./labelLines";

describe("labelLines", () => {
  it("keeps a label that fits on one line", () => expect(labelLines("Shrinkage", 30)).toEqual(["Shrinkage"]));
  it("breaks a long label at the last space that fits, nothing cut", () => {
    expect(labelLines("Training: change of handle time", 30)).toEqual(["Training: change of handle", "time"]);
    expect(labelLines("Churn of dissatisfied customers", 30)).toEqual(["Churn of dissatisfied", "customers"]);
  });
  it("ends the second line in an ellipsis only when the rest is longer than a line", () =>
    expect(labelLines("Problems per customer within the horizon and a great deal more besides", 30)).toEqual(["Problems per customer within", "the horizon and a great deal…"]));
  it("cuts a word longer than a line where it must", () => expect(labelLines("Supercalifragilisticexpialidocious", 10)).toEqual(["Supercalif", "ragilisti…"]));
});

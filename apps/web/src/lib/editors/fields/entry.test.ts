import { expect, it } from "vitest";
import { numberFromText, numberListFromText, textFromNumber } from "./entry.js";

it("numberFromText keeps what is not a number and reads percentages", () => {
  expect(numberFromText("12", "number", false)).toBe(12);
  expect(numberFromText(" 7 ", "percent", false)).toBe(0.07);
  expect(numberFromText("33.3", "percent", false)).toBe(0.333);
  expect(numberFromText("12,5", "number", false)).toBe(12.5);
  expect(numberFromText("−3", "integer", false)).toBe(-3);
  expect(numberFromText("abc", "number", false)).toBe("abc");
  expect(numberFromText("", "number", false)).toBe("");
  expect(numberFromText("", "number", true)).toBeUndefined();
});

it("textFromNumber shows percentages without float noise", () => {
  expect(textFromNumber(0.07, "percent")).toBe("7");
  expect(textFromNumber(0.12, "percent")).toBe("12");
  expect(textFromNumber("abc", "number")).toBe("abc");
  expect(textFromNumber(undefined, "number")).toBe("");
});

it("numberListFromText reads lists and keeps bad ones as typed", () => {
  expect(numberListFromText("300, 240 410;5")).toEqual([300, 240, 410, 5]);
  expect(numberListFromText("300, x")).toBe("300, x");
});

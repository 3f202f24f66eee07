import { expect, it } from "vitest";
import { fractionsTypedAsPercent, numberFromText, numberListFromText, textFromNumber, textFromNumberList } from "./entry.js";

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

it("a percent list is typed in percent and stored as the file's fractions, both ways", () => {
  expect(numberListFromText("12, 12.5 %, 11%; 16", "percent")).toEqual([0.12, 0.125, 0.11, 0.16]);
  expect(numberListFromText("12, x", "percent")).toBe("12, x");
  expect(textFromNumberList([0.12, 0.125, 0.11], "percent")).toBe("12, 12.5, 11");
  expect(textFromNumberList([1.1, 0.95], "number")).toBe("1.1, 0.95");
  expect(textFromNumberList("12, x", "percent")).toBe("12, x");
  // The file's fractions typed into the percent field: said, with what to type instead.
  expect(fractionsTypedAsPercent(numberListFromText("0.12, 0.11", "percent"))).toBe("Read as 0.12 %, …: shares are typed in percent here (12 for 12 %).");
  expect(fractionsTypedAsPercent([0.12, 0.11])).toBeNull();
});

it("numberFromText reads percentages and points typed with their unit, a sign or the minus sign", () => {
  expect(numberFromText("-8%", "percent", false)).toBe(-0.08);
  expect(numberFromText("−8 %", "percent", false)).toBe(-0.08);
  expect(numberFromText("+5 points", "points", false)).toBe(0.05);
  expect(numberFromText("5pp", "points", false)).toBe(0.05);
  expect(numberFromText("12,5 %", "percent", false)).toBe(0.125);
  expect(numberFromText("8 percent", "percent", false)).toBe(0.08);
  // The unit belongs to percent fields only; a plain number field keeps "8%" as typed, for core to report.
  expect(numberFromText("8%", "number", false)).toBe("8%");
});

it("numberFromText reads decimal numbers only", () => {
  expect(numberFromText("0x10", "number", false)).toBe("0x10");
  expect(numberFromText("Infinity", "number", false)).toBe("Infinity");
  expect(numberFromText("1e3", "number", false)).toBe(1000);
  expect(numberFromText(".5", "number", false)).toBe(0.5);
  expect(numberFromText("1.2.3", "number", false)).toBe("1.2.3");
});

it("textFromNumber writes a change with its sign", () => {
  expect(textFromNumber(-0.08, "percent", true)).toBe("−8");
  expect(textFromNumber(0.05, "points", true)).toBe("+5");
  expect(textFromNumber(0, "percent", true)).toBe("0");
  expect(numberFromText(textFromNumber(-0.08, "percent", true), "percent", false)).toBe(-0.08);
});

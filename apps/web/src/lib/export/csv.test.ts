import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { escapeCell, toCsv } from "./csv";

describe("escapeCell", () => {
  it("prefixes text that a spreadsheet would run as a formula with a single quote", () => {
    expect(escapeCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(escapeCell("+4 agents on Late")).toBe("'+4 agents on Late");
    expect(escapeCell("-2 on Early")).toBe("'-2 on Early");
    expect(escapeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCell("\t=1+1")).toBe("'\t=1+1");
    expect(escapeCell("\r=1+1")).toBe("'\r=1+1");
  });
  it("leaves other text, and numbers, alone", () => {
    expect(escapeCell("Baseline")).toBe("Baseline");
    expect(escapeCell("a=b")).toBe("a=b");
    expect(escapeCell(-0.0123)).toBe("-0.0123");
    expect(escapeCell(42)).toBe("42");
    expect(escapeCell(true)).toBe("true");
  });
  it("leaves undefined values empty", () => {
    expect(escapeCell(null)).toBe("");
    expect(escapeCell(undefined)).toBe("");
    expect(escapeCell(Number.NaN)).toBe("");
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and escapes formula cells, header included", () => {
    const text = toCsv(["scenario", "=cmd"], [["+4, \"late\"\nshift", -1.5]]);
    expect(text).toBe("scenario,'=cmd\n\"'+4, \"\"late\"\"\nshift\",-1.5");
    expect(csvParseRows(text)).toEqual([["scenario", "'=cmd"], ["'+4, \"late\"\nshift", "-1.5"]]);
  });
});

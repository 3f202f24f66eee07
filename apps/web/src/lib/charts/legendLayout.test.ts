import { expect, it } from "vitest";
import { legendLayout } from "./legendLayout";

it("legendLayout wraps entries to new rows and cuts one too long for a row", () => {
  const items = [{ label: "Baseline" }, { label: "+4 agents on Late" }, { label: "+4 agents on Late + Evening part-timers: P10–P90 of weeks" }];
  const wide = legendLayout(items, 1000);
  expect(wide.rows).toBe(1);
  expect(wide.placed.map((entry) => entry.text)).toEqual(items.map((item) => item.label));
  const narrow = legendLayout(items, 250);
  expect(narrow.rows).toBe(2);
  const cut = narrow.placed[2]!;
  expect(cut.text.endsWith("…")).toBe(true);
  expect(40 + cut.text.length * 6.3).toBeLessThanOrEqual(250);
  expect(cut.item.label).toBe(items[2]!.label);
});

it("legendLayout with two lines breaks a long entry at a space and counts both rows", () => {
  const items = [{ label: "Baseline" }, { label: "+4 agents on Late + Evening part-timers" }, { label: "Training" }];
  const layout = legendLayout(items, 260, { maxLines: 2 });
  const long = layout.placed[1]!;
  expect(long.lines).toEqual(["+4 agents on Late + Evening", "part-timers"]);
  expect(long.lines.join(" ")).toBe(items[1]!.label);
  for (const entry of layout.placed) {
    expect(entry.dx + 40 + Math.max(...entry.lines.map((line) => line.length)) * 6.3).toBeLessThanOrEqual(260);
  }
  // "Baseline" on row 0, the long one on rows 1–2, "Training" (no room beside it) on row 3: four rows in all.
  expect(layout.placed.map((entry) => entry.dy)).toEqual([0, 16, 48]);
  expect(layout.rows).toBe(4);
  // Without the option it is cut as before, on one row.
  expect(legendLayout(items, 260).placed[1]!.lines).toHaveLength(1);
});

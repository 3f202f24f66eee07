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

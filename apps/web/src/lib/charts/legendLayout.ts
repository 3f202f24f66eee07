// Where each legend entry goes, and how many rows the legend takes: shared by Legend.svelte (drawing it) and the
// charts (leaving room for it above the plot).
import { labelLines } from "./labelLines";

/** Pixels a character of the legend's 11 px system font takes, about: text is not measured (an SVG file has no
 * layout engine to ask). */
export const LEGEND_CHARACTER_PX = 6.3;
/** The swatch and the space after an entry. */
const ENTRY_PX = 26 + 14;
/** A legend row's height, pixels. */
export const LEGEND_ROW_PX = 16;

/**
 * Places `items` left to right, wrapping to a new 16 px row when the next one would pass `width`. An entry too long
 * for a row of its own is cut to fit, with "…" (`text`; the whole label stays in `item.label` for a tooltip); with
 * `maxLines: 2` it is first broken at a space onto a second row (`lines`; cut only if still too long), so that an
 * option's name reads in full on a phone ("+4 agents on Late + Evening part-timers" in 280 px).
 */
export function legendLayout<Item extends { label: string }>(
  items: readonly Item[],
  width: number,
  options: { maxLines?: 1 | 2 } = {},
): { placed: { item: Item; text: string; lines: string[]; dx: number; dy: number }[]; rows: number } {
  let cx = 0;
  let row = 0;
  /** Rows the current row's tallest entry takes (a wrapped entry takes two). */
  let rowSpan = 1;
  const fits = Math.max(4, Math.floor((width - ENTRY_PX) / LEGEND_CHARACTER_PX));
  const placed = items.map((item) => {
    const tooLong = width > 0 && item.label.length > fits;
    const lines = !tooLong ? [item.label] : options.maxLines === 2 ? labelLines(item.label, fits) : [`${item.label.slice(0, fits - 1)}…`];
    const w = ENTRY_PX + Math.max(...lines.map((line) => line.length)) * LEGEND_CHARACTER_PX;
    if (cx > 0 && cx + w > width) {
      cx = 0;
      row += rowSpan;
      rowSpan = 1;
    }
    const at = { item, text: lines.join(" "), lines, dx: cx, dy: row * LEGEND_ROW_PX };
    rowSpan = Math.max(rowSpan, lines.length);
    cx += w;
    return at;
  });
  return { placed, rows: row + rowSpan };
}

// Where each legend entry goes, and how many rows the legend takes: shared by Legend.svelte (drawing it) and the
// charts (leaving room for it above the plot).

/** Pixels a character of the legend's 11 px system font takes, about: text is not measured (an SVG file has no
 * layout engine to ask). */
const CHARACTER_PX = 6.3;
/** The swatch and the space after an entry. */
const ENTRY_PX = 26 + 14;

/**
 * Places `items` left to right, wrapping to a new 16 px row when the next one would pass `width`. An entry too long
 * for a row of its own is cut to fit, with "…" (`text`; the whole label stays in `item.label` for a tooltip).
 */
export function legendLayout<Item extends { label: string }>(
  items: readonly Item[],
  width: number,
): { placed: { item: Item; text: string; dx: number; dy: number }[]; rows: number } {
  let cx = 0;
  let row = 0;
  const fits = Math.max(4, Math.floor((width - ENTRY_PX) / CHARACTER_PX));
  const placed = items.map((item) => {
    const text = width > 0 && item.label.length > fits ? `${item.label.slice(0, fits - 1)}…` : item.label;
    const w = ENTRY_PX + text.length * CHARACTER_PX;
    if (cx > 0 && cx + w > width) {
      cx = 0;
      row++;
    }
    const at = { item, text, dx: cx, dy: row * 16 };
    cx += w;
    return at;
  });
  return { placed, rows: row + 1 };
}

// Where each legend entry goes, and how many rows the legend takes: shared by Legend.svelte (drawing it) and
// IntervalChart.svelte (leaving room for it above the plot).

/** Places `items` left to right, wrapping to a new 16 px row when the next one would pass `width`. Text is not
 * measured (an SVG file has no layout engine to ask); 6.3 px a character fits 11 px system fonts. */
export function legendLayout<Item extends { label: string }>(items: readonly Item[], width: number): { placed: { item: Item; dx: number; dy: number }[]; rows: number } {
  let cx = 0;
  let row = 0;
  const placed = items.map((item) => {
    const w = 26 + item.label.length * 6.3 + 14;
    if (cx > 0 && cx + w > width) {
      cx = 0;
      row++;
    }
    const at = { item, dx: cx, dy: row * 16 };
    cx += w;
    return at;
  });
  return { placed, rows: row + 1 };
}

// How many ticks an axis gets: as many as d3 offers whose labels, side by side, do not run into each other.

/** Pixels a character of an axis's 11 px tick label takes, about (text is not measured: an exported SVG has no
 * layout engine to ask); a digit of the system font is nearer 6.1. */
const TICK_CHARACTER_PX = 6.5;
/** The least gap between two tick labels, pixels. */
const TICK_GAP_PX = 10;

/**
 * The tick values of `scale` over `span` pixels, the most that d3's `ticks(count)` gives (up to one per `perTick`
 * pixels) whose labels, centred on their ticks, keep `TICK_GAP_PX` apart: a money or percent axis on a phone gets
 * three ticks, not six labels over one another. Falls back to the domain's two ends, then to its start alone.
 */
export function fittingTicks(
  scale: { ticks: (count: number) => number[]; domain: () => number[] },
  span: number,
  label: (value: number) => string,
  perTick = 90,
): number[] {
  const positions = (values: number[]) => {
    const [d0 = 0, d1 = 1] = scale.domain();
    return values.map((value) => ((value - d0) / (d1 - d0 || 1)) * span);
  };
  const fit = (values: number[]) => {
    const xs = positions(values);
    const widths = values.map((value) => label(value).length * TICK_CHARACTER_PX);
    for (let i = 1; i < values.length; i++) {
      if (xs[i]! - xs[i - 1]! < (widths[i]! + widths[i - 1]!) / 2 + TICK_GAP_PX) return false;
    }
    return true;
  };
  // Fewer and fewer from one per `perTick`; then, as d3 rounds a count to a step that may leave a single tick
  // (ticks(2) over 68–98% is [80%]), a few finer counts.
  const start = Math.max(2, Math.floor(span / perTick));
  const counts = [...Array.from({ length: start }, (_, k) => start - k), ...Array.from({ length: 4 }, (_, k) => start + 1 + k)];
  for (const count of counts) {
    const values = scale.ticks(count);
    if (values.length > 1 && fit(values)) return values;
  }
  const ends = scale.domain().slice(0, 2);
  return fit(ends) ? ends : ends.slice(0, 1);
}

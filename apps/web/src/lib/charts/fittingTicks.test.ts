import { scaleLinear } from "d3-scale";
import { expect, it } from "vitest";
import { fittingTicks } from "./fittingTicks";

const percent = (value: number) => `${value.toFixed(1)}%`;

/** Whether labels of `ticks`, 6.5 px a character and centred, keep 10 px apart over `span` pixels. */
function apart(ticks: number[], span: number, domain: [number, number]): boolean {
  const at = (value: number) => ((value - domain[0]) / (domain[1] - domain[0])) * span;
  return ticks.every((value, i) => i === 0 || at(value) - at(ticks[i - 1]!) >= ((percent(value).length + percent(ticks[i - 1]!).length) * 6.5) / 2 + 10);
}

it("fittingTicks gives a wide axis many ticks and a phone's few, never overlapping", () => {
  const domain: [number, number] = [70, 90];
  const scale = scaleLinear(domain, [0, 1]);
  const wide = fittingTicks(scale, 1000, percent);
  expect(wide.length).toBeGreaterThanOrEqual(5);
  expect(apart(wide, 1000, domain)).toBe(true);
  // 110 px: six labels of "70.0%" (about 33 px each) would run into each other; d3's own three do too.
  const narrow = fittingTicks(scale, 110, percent);
  expect(narrow.length).toBeGreaterThanOrEqual(2);
  expect(narrow.length).toBeLessThan(scale.ticks(3).length + 1);
  expect(apart(narrow, 110, domain)).toBe(true);
  expect(apart(scale.ticks(6), 110, domain)).toBe(false);
  // Where d3's two ticks would be one (68–98%: ticks(2) is [80%]), a finer count gives two or more.
  const service = scaleLinear([68, 98], [0, 1]);
  expect(service.ticks(2)).toEqual([80]);
  const phone = fittingTicks(service, 260, percent);
  expect(phone).toEqual([70, 80, 90]);
  expect(apart(phone, 260, [68, 98])).toBe(true);
  // Too narrow even for the two ends: the start alone.
  expect(fittingTicks(scale, 30, percent)).toEqual([70]);
});

// Whether a chart reads on the screen it is drawn for: every legend entry, row name and axis label inside the
// chart's SVG (not cut at its edge), and no two tick labels of an axis over one another.
import type { Locator } from "playwright-core";

/**
 * What does not fit in the charts inside `frame` (a `.chart-frame`), in words a failing assertion shows: a text
 * reaching past its SVG's box, two tick labels of one axis overlapping, and, with `wholeLegend`, a legend entry cut
 * to "…" (its name must read in full on the page, not only in a tooltip). Empty when everything fits.
 */
export async function chartMisfits(frame: Locator, options: { wholeLegend?: boolean } = {}): Promise<string[]> {
  return frame.evaluate((element, wholeLegend) => {
    const misfits: string[] = [];
    const textOf = (text: Element) => [...text.childNodes].filter((node) => node.nodeName !== "title").map((node) => node.textContent ?? "").join(" ").trim();
    for (const svg of element.querySelectorAll<SVGSVGElement>("svg.chart-svg")) {
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll<SVGTextElement>("text")) {
        const at = text.getBoundingClientRect();
        if (at.width === 0) continue;
        if (at.left < box.left - 1 || at.right > box.right + 1 || at.top < box.top - 1 || at.bottom > box.bottom + 1) {
          misfits.push(`"${textOf(text)}" reaches past the chart (${Math.round(at.left - box.left)}–${Math.round(at.right - box.left)} px of ${Math.round(box.width)})`);
        }
      }
      if (wholeLegend) {
        for (const text of svg.querySelectorAll<SVGTextElement>(".legend text")) {
          if (textOf(text).includes("…")) misfits.push(`legend entry cut to "${textOf(text)}"`);
        }
      }
      for (const axis of svg.querySelectorAll<SVGGElement>("g.axis.x")) {
        const labels = [...axis.querySelectorAll<SVGTextElement>(".tick text")]
          .map((text) => ({ text: textOf(text), at: text.getBoundingClientRect() }))
          .filter((label) => label.at.width > 0)
          .sort((a, b) => a.at.left - b.at.left);
        for (let i = 1; i < labels.length; i++) {
          if (labels[i]!.at.left < labels[i - 1]!.at.right) misfits.push(`tick labels "${labels[i - 1]!.text}" and "${labels[i]!.text}" overlap`);
        }
      }
    }
    return misfits;
  }, options.wholeLegend ?? false);
}

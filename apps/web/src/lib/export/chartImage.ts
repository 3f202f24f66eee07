// Charts as files: a standalone SVG (styles copied onto the elements as presentation attributes, since the page's
// CSS does not travel with it) and a PNG drawn from that SVG through a blob URL and a canvas. Nothing inline:
// the CSP allows blob: images (img-src 'self' blob: data:) and needs no style or script exception.

/** Computed style properties that SVG also takes as presentation attributes (so no `style` attribute is needed). */
const PRESENTATION = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linejoin",
  "stroke-linecap",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "visibility",
  "display",
] as const;

const SVG_NS = "http://www.w3.org/2000/svg";
/** Room for the title above an exported chart, pixels. */
const TITLE_HEIGHT = 28;

/** Serialises a chart's SVG with its computed styles, a white background and its title. */
export function svgMarkup(svg: SVGSVGElement, options: { title?: string; background?: string } = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll<SVGElement>("*")];
  const targets = [clone, ...clone.querySelectorAll<SVGElement>("*")];
  sources.forEach((source, index) => {
    const target = targets[index]!;
    const computed = getComputedStyle(source);
    for (const property of PRESENTATION) {
      const value = computed.getPropertyValue(property);
      if (value !== "") target.setAttribute(property, value);
    }
  });
  // Interactive-only parts (focus rings, the hover read-out) stay out of the file.
  for (const element of clone.querySelectorAll("[data-export='skip']")) element.remove();
  const { width, height: plotHeight } = svgSize(svg);
  // The chart's title above it, so that a file on its own says what it shows.
  const titleHeight = options.title ? TITLE_HEIGHT : 0;
  const height = plotHeight + titleHeight;
  if (options.title) {
    const body = document.createElementNS(SVG_NS, "g");
    body.setAttribute("transform", `translate(0,${titleHeight})`);
    body.append(...clone.childNodes);
    clone.append(body);
    const heading = document.createElementNS(SVG_NS, "text");
    heading.setAttribute("x", "8");
    heading.setAttribute("y", "18");
    heading.setAttribute("font-family", getComputedStyle(svg).getPropertyValue("font-family"));
    heading.setAttribute("font-size", "14");
    heading.setAttribute("font-weight", "600");
    heading.setAttribute("fill", "#1b2430");
    heading.textContent = options.title;
    clone.append(heading);
  }
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  clone.removeAttribute("tabindex");
  clone.removeAttribute("class");
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", options.background ?? "#ffffff");
  clone.insertBefore(background, clone.firstChild);
  if (options.title) {
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = options.title;
    clone.insertBefore(title, clone.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute("width")) || svg.clientWidth || 640;
  const height = Number(svg.getAttribute("height")) || svg.clientHeight || 320;
  return { width, height };
}

/** The chart as a PNG at `scale` × its size on screen (2: sharp on slides and high-density screens). */
export async function pngBlob(svg: SVGSVGElement, options: { title?: string; scale?: number } = {}): Promise<Blob> {
  const markup = svgMarkup(svg, options);
  const { width, height: plotHeight } = svgSize(svg);
  const height = plotHeight + (options.title ? TITLE_HEIGHT : 0);
  const scale = options.scale ?? 2;
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.decoding = "async";
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn as an image"));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be encoded"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

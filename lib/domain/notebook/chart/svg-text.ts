/** Small helpers for writing SVG as text: escaping, coordinates and label fitting. */

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` safe inside an element or a quoted attribute. */
export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char]!) : text;
}

/** A coordinate to two decimals, so output is short and the same on every run. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Average advance of an 11 px system sans-serif character; SVG strings are built without a DOM to measure in. */
export const CHAR_WIDTH = 6.2;

export function textWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

/** `text` cut to at most `maxChars` characters, ending in "…" when cut. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? "…" : `${text.slice(0, maxChars - 1)}…`;
}

/** A `<text>` element; when the label had to be cut, a `<title>` child carries the whole of it. */
export function textElement(attributes: string, text: string, maxChars = Infinity): string {
  const shown = truncate(text, maxChars);
  const title = shown === text ? "" : `<title>${escapeXml(text)}</title>`;
  return `<text ${attributes}>${title}${escapeXml(shown)}</text>`;
}

import { describeProvenance } from "./cell-provenance";
import { escapeHtml } from "./escape-html";
import type { NotebookCell, NotebookCellOutput, NotebookDocument } from "./notebook-cell";
import { describeChart, describeView } from "./notebook-cell-description";
import { formatUtcMinute } from "./notebook-format";
import { DEFAULT_EXPORT_TABLE_ROWS, tableToHtml } from "./notebook-table-render";
import { pngBase64 } from "./png-base64";

/**
 * A notebook as one standalone HTML5 file to read, print or attach to a
 * paper's supplement: no scripts, no external addresses (images are data:
 * URLs), CSS inline, light colours that print as they show.
 */

export interface NotebookHtmlReportOptions {
  /** ISO 8601 time of the export; passed in so output is reproducible. */
  exportedAt: string;
  appVersion: string;
  /**
   * Trusted HTML appended to <head> as is. Markdown with math needs KaTeX's
   * stylesheet: pass it as a <style> element holding katex.min.css with its
   * fonts inlined as data: URLs to keep the file standalone (a <link> to a
   * server works only while that server can be reached).
   */
  headHtml?: string;
  /** Cells to mark stale (see staleCellIds / notebookStaleness). */
  stale?: ReadonlySet<string>;
  /** Rows shown of each result table; 1,000 unless given. */
  maxTableRows?: number;
}

type ChartCell = Extract<NotebookCell, { kind: "chart" }>;

const KIND_LABELS: Record<NotebookCell["kind"], string> = { markdown: "Markdown", sql: "SQL", chart: "Chart", view: "View" };

const STYLE = `
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1.5rem; background: #fff; color: #1b1b1f;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { border-bottom: 1px solid #d0d0d7; margin-bottom: 1.5rem; padding-bottom: .5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
.meta, .provenance, .cell-label, caption { color: #5b5b66; font-size: .8rem; }
.cell { margin: 1.5rem 0; }
.cell-label { margin-bottom: .25rem; text-transform: uppercase; letter-spacing: .04em; }
pre { margin: 0 0 .5rem; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; background: #f5f5f7;
  border: 1px solid #e2e2e8; border-radius: 4px; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; }
caption { caption-side: bottom; text-align: left; padding-top: .3rem; }
th, td { border: 1px solid #dcdce3; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.null { color: #8a8a96; font-style: italic; }
.error { margin: .5rem 0; padding: .5rem .8rem; background: #fdf0ef; border-left: 4px solid #b3261e; }
.error code { font-weight: 600; }
figure { margin: .5rem 0; }
figure img, figure svg { max-width: 100%; height: auto; }
figcaption, .missing { color: #5b5b66; font-size: .85rem; }
.summary { margin: .25rem 0; padding-left: 1.2rem; }
.provenance { margin-top: .4rem; }
.stale { display: inline-block; margin-right: .4rem; padding: 0 .4rem; border: 1px solid #e8c768; border-radius: 3px;
  background: #fff4d6; color: #6b4e00; font-weight: 600; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr, pre, figure { break-inside: avoid; }
  a { color: inherit; }
}
`;

function outputHtml(output: NotebookCellOutput, maxRows: number): string {
  switch (output.kind) {
    case "table":
      return `<div class="table-wrap">${tableToHtml(output, maxRows)}</div>`;
    case "error":
      return `<div class="error" role="note"><code>${escapeHtml(output.code)}</code>: ${escapeHtml(output.message)}</div>`;
    case "view":
      return `<p><strong>${escapeHtml(output.title)}</strong></p>${summaryHtml(output.summary)}`;
  }
}

function summaryHtml(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `<ul class="summary">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`;
}

function imageHtml(image: string, cellId: string, alt: string): string {
  return `<img src="data:image/png;base64,${pngBase64(image, cellId)}" alt="${escapeHtml(alt)}">`;
}

function captionHtml(source: string): string {
  return source.trim() === "" ? "" : `<figcaption>${escapeHtml(source.trim())}</figcaption>`;
}

interface Renderers {
  images: ReadonlyMap<string, string>;
  renderMarkdown: (source: string) => string;
  renderChartSvg: (cell: ChartCell) => string | null;
  numberById: ReadonlyMap<string, number>;
  maxRows: number;
}

function bodyHtml(cell: NotebookCell, renderers: Renderers): string {
  const image = renderers.images.get(cell.id);
  switch (cell.kind) {
    case "markdown":
      return renderers.renderMarkdown(cell.source);
    case "sql": {
      const query = `<pre class="sql"><code>${escapeHtml(cell.source)}</code></pre>`;
      return cell.output === null ? `${query}<p class="missing">Not run.</p>` : `${query}${outputHtml(cell.output, renderers.maxRows)}`;
    }
    case "chart": {
      const source = cell.settings.sourceCellId;
      const description = describeChart(cell.settings.spec, source === null ? null : (renderers.numberById.get(source) ?? null));
      const title = cell.settings.spec.title ? `<p><strong>${escapeHtml(cell.settings.spec.title)}</strong></p>` : "";
      const svg = renderers.renderChartSvg(cell);
      const drawing = svg ?? (image === undefined ? `<p class="missing">Chart not drawn: ${escapeHtml(description)}.</p>` : imageHtml(image, cell.id, `Chart: ${description}`));
      const caption = captionHtml(cell.source) || `<figcaption>${escapeHtml(description)}</figcaption>`;
      return `${title}<figure>${drawing}${caption}</figure>${cell.output === null ? "" : outputHtml(cell.output, renderers.maxRows)}`;
    }
    case "view": {
      const description = describeView(cell.settings.view);
      const picture = image === undefined ? "" : `<figure>${imageHtml(image, cell.id, `View: ${description}`)}${captionHtml(cell.source)}</figure>`;
      const output = cell.output === null ? `<p class="missing">View: ${escapeHtml(description)} (not captured).</p>` : outputHtml(cell.output, renderers.maxRows);
      return `${picture}${output}`;
    }
  }
}

function footerHtml(cell: NotebookCell, stale: boolean): string {
  const marker = stale ? `<span class="stale">Stale</span>the data or the cell changed after this ran. ` : "";
  const lines = cell.provenance === null ? [] : describeProvenance(cell.provenance);
  if (!stale && lines.length === 0) return "";
  return `<footer class="provenance">${marker}${escapeHtml(lines.join(" · "))}</footer>`;
}

/**
 * The report's HTML. `renderMarkdown` must return safe HTML (our markdown
 * renderer escapes raw HTML); `renderChartSvg` returns the chart's SVG, or
 * null to fall back to the PNG in `images` (base64 by cell id). Every other
 * text (SQL, results, errors, titles) is escaped here.
 */
export function notebookToHtmlReport(
  notebook: NotebookDocument,
  images: ReadonlyMap<string, string>,
  renderMarkdown: (source: string) => string,
  renderChartSvg: (cell: ChartCell) => string | null,
  options: NotebookHtmlReportOptions,
): string {
  const cells = [...notebook.cells].sort((a, b) => a.position - b.position);
  const renderers: Renderers = {
    images,
    renderMarkdown,
    renderChartSvg,
    numberById: new Map(cells.map((cell, index) => [cell.id, index + 1])),
    maxRows: options.maxTableRows ?? DEFAULT_EXPORT_TABLE_ROWS,
  };
  const sections = cells.map((cell, index) => {
    const label = cell.kind === "markdown" ? "" : `<div class="cell-label">Cell ${index + 1} · ${KIND_LABELS[cell.kind]}</div>`;
    const footer = footerHtml(cell, options.stale?.has(cell.id) ?? false);
    return `<section class="cell cell-${cell.kind}" id="cell-${escapeHtml(cell.id)}">\n${label}${bodyHtml(cell, renderers)}${footer}\n</section>`;
  });
  const title = escapeHtml(notebook.title);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Resonance ${escapeHtml(options.appVersion)}">`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    options.headHtml ?? "",
    "</head>",
    "<body>",
    `<header><h1>${title}</h1><p class="meta">Exported ${escapeHtml(formatUtcMinute(options.exportedAt))} from Resonance ${escapeHtml(options.appVersion)}</p></header>`,
    "<main>",
    ...sections,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

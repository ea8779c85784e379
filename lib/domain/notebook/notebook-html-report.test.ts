import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html";
import { notebookToHtmlReport } from "./notebook-html-report";
import { EXPORT_OPTIONS, IDS, IMAGES, NOTEBOOK, PNG_BASE64 } from "./testing/notebook-fixture";

const markdown = (source: string) => `<div class="md">${escapeHtml(source)}</div>`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

function report(options: Partial<Parameters<typeof notebookToHtmlReport>[4]> = {}, chartSvg: string | null = null, images = IMAGES): string {
  return notebookToHtmlReport(NOTEBOOK, images, markdown, () => chartSvg, { ...EXPORT_OPTIONS, ...options });
}

/** The HTML of one cell's section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="cell`, html.indexOf(`id="cell-${id}"`) - 60);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("notebookToHtmlReport", () => {
  it("writes a standalone HTML5 document with an escaped title, export time, and print styles", () => {
    const html = report();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain("<title>Valence &amp; &quot;cohorts&quot; &lt;draft&gt;</title>");
    expect(html).toContain("<h1>Valence &amp; &quot;cohorts&quot; &lt;draft&gt;</h1>");
    expect(html).toContain('<p class="meta">Exported 21 Nov 2026 15:00 UTC from Resonance 0.9.0</p>');
    expect(html).toContain("@media print");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("holds no script and reaches no server", () => {
    const html = report();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link/i);
  });

  it("keeps cells in position order", () => {
    const html = report();
    const order = [IDS.intro, IDS.query, IDS.chart, IDS.failing, IDS.view, IDS.draft].map((id) => html.indexOf(`id="cell-${id}"`));
    expect(order.every((at, index) => at > 0 && (index === 0 || at > order[index - 1]!))).toBe(true);
  });

  it("puts the caller's markdown HTML in as is", () => {
    expect(section(report(), IDS.intro)).toContain(
      '<div class="md"># Valence by cohort\n\nCompare *means*; note &lt;script&gt;alert(1)&lt;/script&gt; &amp; `x`.\n</div>',
    );
  });

  it("shows a SQL cell's query and result escaped, with the table closed once", () => {
    const query = section(report(), IDS.query);
    expect(query).toContain('<div class="cell-label">Cell 2 · SQL</div>');
    expect(query).toContain("<pre class=\"sql\"><code>SELECT cohort, count(*) AS n, avg(valence) AS mean_valence\nFROM notebook.regions\nGROUP BY cohort</code></pre>");
    expect(query).toContain("<td>&lt;/table&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>");
    expect(query).toContain('<td class="num">1200</td><td class="num">-0.5</td>');
    expect(query).toContain('<td class="null">NULL</td>');
    expect(query.match(/<table/g)).toHaveLength(1);
    expect(query.match(/<\/table>/g)).toHaveLength(1);
  });

  it("shows an error escaped and a cell that never ran as not run", () => {
    const html = report();
    expect(section(html, IDS.failing)).toContain('<div class="error" role="note"><code>NOTEBOOK_QUERY_FAILED</code>: column &quot;nope&quot; does not exist &lt;b&gt;</div>');
    expect(section(html, IDS.draft)).toContain('<p class="missing">Not run.</p>');
  });

  it("draws a chart from the caller's SVG, else from its PNG, else says it is missing", () => {
    const fromSvg = section(report({}, SVG), IDS.chart);
    expect(fromSvg).toContain(`<figure>${SVG}<figcaption>Counts per cohort</figcaption></figure>`);
    expect(fromSvg).not.toContain("<img");
    expect(fromSvg).toContain("<p><strong>Regions per cohort</strong></p>");
    expect(section(report(), IDS.chart)).toContain(`<img src="data:image/png;base64,${PNG_BASE64}" alt="Chart: bar of count by cohort, from cell 2">`);
    expect(section(report({}, null, new Map()), IDS.chart)).toContain('<p class="missing">Chart not drawn: bar of count by cohort, from cell 2.</p>');
  });

  it("shows a view as its PNG and summary lines", () => {
    const view = section(report(), IDS.view);
    expect(view).toContain(`<img src="data:image/png;base64,${PNG_BASE64}" alt="View: projection 7f3e9c2a-0000-4000-8000-00000000000a">`);
    expect(view).toContain('<p><strong>Projection of 412 regions</strong></p><ul class="summary"><li>412 points, model emotion2vec-plus-base 1.0</li><li>UMAP, 15 neighbours</li></ul>');
  });

  it("adds a provenance line to each cell that ran, and none to others", () => {
    const html = report();
    expect(section(html, IDS.query)).toContain(
      '<footer class="provenance">Ran 21 Nov 2026 14:03 UTC · Models: emotion2vec-plus-base 1.0 · Rows 3 · recordings 120 · labels 340 · Inputs a1b2c3d4e5f6</footer>',
    );
    expect(section(html, IDS.failing)).toContain('<footer class="provenance">Ran 21 Nov 2026 14:05 UTC · Inputs a1b2c3d4e5f6</footer>');
    expect(section(html, IDS.intro)).not.toContain("<footer");
    expect(section(html, IDS.draft)).not.toContain("<footer");
  });

  it("marks exactly the cells given as stale", () => {
    const html = report({ stale: new Set([IDS.query, IDS.chart]) });
    expect(section(html, IDS.query)).toContain('<footer class="provenance"><span class="stale">Stale</span>');
    expect(section(html, IDS.chart)).toContain('<footer class="provenance"><span class="stale">Stale</span>the data or the cell changed after this ran. </footer>');
    expect(section(html, IDS.failing)).not.toContain('class="stale"');
    expect(report()).not.toContain('<span class="stale">');
  });

  it("appends the caller's head HTML (KaTeX's stylesheet) inside <head>", () => {
    const html = report({ headHtml: "<style>.katex{font-size:1.1em}</style>" });
    expect(html.indexOf("<style>.katex")).toBeGreaterThan(html.indexOf("<head>"));
    expect(html.indexOf("<style>.katex")).toBeLessThan(html.indexOf("</head>"));
  });
});

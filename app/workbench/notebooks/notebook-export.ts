"use client";

import { buildChartData } from "@/lib/domain/notebook/chart/chart-data";
import { isChartProblem } from "@/lib/domain/notebook/chart/chart-data-types";
import { renderChartSvg } from "@/lib/domain/notebook/chart/chart-svg";
import type { CellStaleness } from "@/lib/domain/notebook/cell-staleness";
import type { NotebookCell, NotebookDocument } from "@/lib/domain/notebook/notebook-cell";
import { notebookToHtmlReport } from "@/lib/domain/notebook/notebook-html-report";
import { notebookToIpynb } from "@/lib/domain/notebook/notebook-ipynb";
import { renderNotebookMarkdown } from "@/lib/domain/notebook/render-markdown";
import { APP_VERSION } from "@/lib/app-version";
import { downloadText, fileNameOf } from "../download-file";
import { captureViewPng, svgToPngBase64 } from "./view-cells/capture-view-png";

/**
 * Exports run in the browser, which has what the server has not: the drawn
 * views (waveforms, the WebGL scatter) to capture as PNG. Charts are drawn
 * again from their data at a fixed size, so the file does not depend on the
 * window's width.
 */

const CHART_WIDTH = 720;
const CHART_HEIGHT = 360;
// Without KaTeX's stylesheet and fonts (a standalone file cannot fetch them) the
// browser's own MathML rendering of each formula reads best, so the HTML half
// of KaTeX's output is hidden.
const REPORT_HEAD = "<style>.katex-html { display: none; }</style>";

function chartSvg(cell: NotebookCell, cells: readonly NotebookCell[], theme: "light" | "dark"): string | null {
  if (cell.kind !== "chart") return null;
  const source = cells.find((candidate) => candidate.id === cell.settings.sourceCellId);
  if (source?.output?.kind !== "table") return null;
  const data = buildChartData(source.output.columns, source.output.rows, cell.settings.spec);
  if (isChartProblem(data)) return null;
  return renderChartSvg(data, cell.settings.spec, { width: CHART_WIDTH, height: CHART_HEIGHT, theme });
}

async function cellImages(notebook: NotebookDocument, root: HTMLElement, theme: "light" | "dark"): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  for (const cell of notebook.cells) {
    if (cell.kind === "chart") {
      const svg = chartSvg(cell, notebook.cells, theme);
      if (svg) images.set(cell.id, await svgToPngBase64(svg, CHART_WIDTH, CHART_HEIGHT, theme === "dark" ? "#1e1e1e" : "#ffffff"));
    } else if (cell.kind === "view") {
      const container = root.querySelector<HTMLElement>(`[data-cell-id="${cell.id}"] [data-view-kind]`);
      const png = container ? await captureViewPng(container) : null;
      if (png) images.set(cell.id, png);
    }
  }
  return images;
}

export async function exportNotebookIpynb(notebook: NotebookDocument, root: HTMLElement, theme: "light" | "dark"): Promise<void> {
  const images = await cellImages(notebook, root, theme);
  const text = notebookToIpynb(notebook, images, { exportedAt: new Date().toISOString(), appVersion: APP_VERSION });
  downloadText(`${fileNameOf(notebook.title)}.ipynb`, text, "application/x-ipynb+json");
}

export async function exportNotebookHtml(
  notebook: NotebookDocument,
  root: HTMLElement,
  staleness: Readonly<Record<string, CellStaleness>>,
  theme: "light" | "dark",
): Promise<void> {
  // The report is printed and mailed: always light, whatever the workbench shows.
  void theme;
  const images = await cellImages(notebook, root, "light");
  const stale = new Set(Object.entries(staleness).filter(([, value]) => value.state === "stale").map(([id]) => id));
  const html = notebookToHtmlReport(notebook, images, renderNotebookMarkdown, (cell) => chartSvg(cell, notebook.cells, "light"), {
    exportedAt: new Date().toISOString(),
    appVersion: APP_VERSION,
    headHtml: REPORT_HEAD,
    stale,
  });
  downloadText(`${fileNameOf(notebook.title)}.html`, html, "text/html;charset=utf-8");
}

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ChartSpec, NotebookTableColumn } from "@/lib/domain/notebook/notebook-cell";
import { ChartBuilder, ChartView } from "./chart-builder";

const columns: NotebookTableColumn[] = [
  { name: "cohort", type: "text" },
  { name: "arousal", type: "double precision" },
];

function labels(markup: string): string[] {
  return [...markup.matchAll(/<label for="([^"]+)">([^<]*)<\/label><select id="([^"]+)"/g)].map((match) => {
    expect(match[1]).toBe(match[3]);
    return match[2]!;
  });
}

describe("ChartBuilder", () => {
  it("labels each select with exactly its field name", () => {
    const markup = renderToStaticMarkup(<ChartBuilder columns={columns} value={{ type: "bar", x: "cohort", y: "arousal", aggregate: "sum" }} onChange={() => {}} />);
    expect(labels(markup)).toEqual(["Chart type", "X", "Y", "Colour", "Facet", "Aggregate"]);
    expect(markup).toContain('<option value="" selected="">—</option>');
  });

  it("offers aggregate only for bars and lines, and keeps a column the result lost", () => {
    const spec: ChartSpec = { type: "scatter", x: "cohort", y: "valence", aggregate: "none" };
    const markup = renderToStaticMarkup(<ChartBuilder columns={columns} value={spec} onChange={() => {}} />);
    expect(labels(markup)).toEqual(["Chart type", "X", "Y", "Colour", "Facet"]);
    expect(markup).toContain('<option value="valence" selected="">valence (not in result)</option>');
  });
});

describe("ChartView", () => {
  it("shows why a chart cannot be drawn in an alert", () => {
    const spec: ChartSpec = { type: "box", x: "arousal", y: "cohort", aggregate: "none" };
    const markup = renderToStaticMarkup(<ChartView columns={columns} rows={[["A", 1]]} spec={spec} theme="light" />);
    expect(markup).toContain('role="alert">a box plot needs a numeric y; &quot;cohort&quot; holds text</p>');
  });
});

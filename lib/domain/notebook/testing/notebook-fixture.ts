import type { CellProvenance, NotebookCell, NotebookDocument } from "../notebook-cell";

/**
 * A notebook for the export and import tests with one cell of each kind and
 * output, and text that HTML and Markdown must keep inert: `<script>`,
 * `</table>`, quotes, ampersands, a backtick fence.
 */

/** A 1×1 PNG. */
export const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export const IDS = {
  intro: "0b6f3c1e-2a4d-4e5f-9a1b-000000000001",
  query: "0b6f3c1e-2a4d-4e5f-9a1b-000000000002",
  chart: "0b6f3c1e-2a4d-4e5f-9a1b-000000000003",
  failing: "0b6f3c1e-2a4d-4e5f-9a1b-000000000004",
  view: "0b6f3c1e-2a4d-4e5f-9a1b-000000000005",
  draft: "0b6f3c1e-2a4d-4e5f-9a1b-000000000006",
} as const;

export const PROVENANCE: CellProvenance = {
  ranAt: "2026-11-21T14:03:27.120Z",
  sourceHash: "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  inputHash: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
  models: [{ key: "emotion2vec-plus-base", version: "1.0" }],
  counts: { labels: 340, rows: 3, recordings: 120 },
  fingerprints: [
    { source: "labels", token: "1203@2026-11-21T10:00:00.000Z" },
    { source: "analyses", token: "88@2026-11-20T09:00:00.000Z" },
  ],
};

const cells: NotebookCell[] = [
  {
    id: IDS.intro,
    position: 0,
    kind: "markdown",
    source: "# Valence by cohort\n\nCompare *means*; note <script>alert(1)</script> & `x`.\n",
    settings: {},
    output: null,
    provenance: null,
  },
  {
    id: IDS.query,
    position: 1,
    kind: "sql",
    source: "SELECT cohort, count(*) AS n, avg(valence) AS mean_valence\nFROM notebook.regions\nGROUP BY cohort",
    settings: { limit: 3 },
    output: {
      kind: "table",
      columns: [
        { name: "cohort", type: "text" },
        { name: "n", type: "bigint" },
        { name: "mean_valence", type: "double precision" },
      ],
      rows: [
        ["control", 12, 0.25],
        ["</table><script>alert(\"x\")</script>", 3, null],
        ["a & b", 1200, -0.5],
      ],
      rowCount: 3,
      truncated: true,
      elapsedMs: 42,
    },
    provenance: PROVENANCE,
  },
  {
    id: IDS.chart,
    position: 2,
    kind: "chart",
    source: "Counts per cohort",
    settings: { sourceCellId: IDS.query, spec: { type: "bar", x: "cohort", aggregate: "count", title: "Regions per cohort" } },
    output: null,
    provenance: null,
  },
  {
    id: IDS.failing,
    position: 3,
    kind: "sql",
    source: "SELECT nope FROM notebook.regions",
    settings: {},
    output: { kind: "error", code: "NOTEBOOK_QUERY_FAILED", message: 'column "nope" does not exist <b>' },
    provenance: { ...PROVENANCE, ranAt: "2026-11-21T14:05:00.000Z", counts: {}, models: [] },
  },
  {
    id: IDS.view,
    position: 4,
    kind: "view",
    source: "",
    settings: { view: { kind: "projection", projectionId: "7f3e9c2a-0000-4000-8000-00000000000a" } },
    output: { kind: "view", title: "Projection of 412 regions", summary: ["412 points, model emotion2vec-plus-base 1.0", "UMAP, 15 neighbours"] },
    provenance: { ...PROVENANCE, fingerprints: [{ source: "projection:7f3e9c2a-0000-4000-8000-00000000000a", token: "3@2026-11-21T11:00:00.000Z" }] },
  },
  {
    id: IDS.draft,
    position: 5,
    kind: "sql",
    source: "SELECT 1 -- ``` not closed",
    settings: {},
    output: null,
    provenance: null,
  },
];

/** Cells out of position order on purpose: writers must sort by position. */
export const NOTEBOOK: NotebookDocument = {
  id: "nb-1",
  title: 'Valence & "cohorts" <draft>',
  createdAt: "2026-11-20T08:00:00.000Z",
  updatedAt: "2026-11-21T14:05:00.000Z",
  cells: [cells[1]!, cells[0]!, ...cells.slice(2)],
};

export const IMAGES: ReadonlyMap<string, string> = new Map([
  [IDS.chart, PNG_BASE64],
  [IDS.view, PNG_BASE64],
]);

export const EXPORT_OPTIONS = { exportedAt: "2026-11-21T15:00:00.000Z", appVersion: "0.9.0" };

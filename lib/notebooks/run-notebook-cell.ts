import { createHash } from "node:crypto";
import type { Database } from "../db/database";
import {
  cohortsForNotebook,
  type DataSourceState,
  modelsWithAnalyses,
  patientForNotebook,
  projectionForNotebook,
  readDataSourceStates,
  recordingForNotebook,
} from "../db/notebook-data.repository";
import type { NotebookWorkspaceScope } from "../db/notebook-query-scope.repository";
import { readNotebook, recordCellRun } from "../db/notebook.repository";
import { workspacesOfProjection } from "../db/selection-workspaces.repository";
import { workspaceOfCohort, workspaceOfPatient, workspaceOfRecording } from "../db/workspace-scope.repository";
import { cellSourceMaterial, provenanceInputMaterial } from "../domain/notebook/cell-provenance";
import { type CellInputsNow, type CellStaleness, notebookStaleness as staleness } from "../domain/notebook/cell-staleness";
import type {
  CellProvenance,
  DataFingerprint,
  ModelIdentity,
  NotebookCell,
  NotebookCellOutput,
  NotebookDocument,
  NotebookViewSpec,
} from "../domain/notebook/notebook-cell";
import { MODEL_SOURCES, sqlCellSources, viewCellSources } from "./notebook-data-sources";
import { NotebookQueryError } from "./notebook-query-error";
import { NotebookReaderRoleError } from "./notebook-reader-role";
import { runNotebookQuery } from "./run-notebook-query";

/**
 * Runs one cell as it is saved and records its output with provenance: the
 * state of every data source the cell rests on is read before the cell runs,
 * so a change made while it runs shows it as stale rather than fresh.
 */

export class NotebookCellRunError extends Error {
  override readonly name = "NotebookCellRunError";
  constructor(
    readonly code: "NOTEBOOK_NOT_FOUND" | "CELL_NOT_FOUND" | "CELL_NOT_RUNNABLE",
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function cellSourceHash(cell: Pick<NotebookCell, "kind" | "source" | "settings">): string {
  return sha256(cellSourceMaterial(cell.kind, cell.source, cell.settings));
}

function sourcesOf(cell: NotebookCell): string[] {
  if (cell.kind === "sql") return sqlCellSources(cell.source);
  if (cell.kind === "view" && cell.settings.view) return viewCellSources(cell.settings.view);
  return [];
}

function fingerprintsOf(sources: readonly string[], states: ReadonlyMap<string, DataSourceState>): DataFingerprint[] {
  return sources.flatMap((source) => {
    const state = states.get(source);
    return state ? [{ source, token: state.token }] : [];
  });
}

function provenanceOf(
  cell: NotebookCell,
  sources: readonly string[],
  states: ReadonlyMap<string, DataSourceState>,
  models: ModelIdentity[],
  extraCounts: Record<string, number>,
  ranAt: Date,
): CellProvenance {
  const sourceHash = cellSourceHash(cell);
  const fingerprints = fingerprintsOf(sources, states);
  const counts: Record<string, number> = { ...extraCounts };
  for (const source of sources) {
    const state = states.get(source);
    if (state && !source.includes(":")) counts[source] = state.count;
  }
  return {
    ranAt: ranAt.toISOString(),
    sourceHash,
    inputHash: sha256(provenanceInputMaterial(sourceHash, fingerprints)),
    models,
    counts,
    fingerprints,
  };
}

/**
 * The workspaces whose data a cell may show, "all" for the local researcher
 * and site administrators. A SQL cell reads the notebook views within `sql`
 * (where the runner may "analyse"). A view shows a recording, projection,
 * cohorts or a patient only when every workspace it lies in is in `view`
 * (where the runner may "read"), and otherwise says it no longer exists, as
 * for a deleted one. The data-source states behind provenance and staleness
 * are read within the same scopes, so they count nothing the cell could not
 * show.
 */
export interface CellRunAccess {
  sql: NotebookWorkspaceScope;
  view: NotebookWorkspaceScope;
}

const scopeOf = (cell: Pick<NotebookCell, "kind">, access: CellRunAccess): NotebookWorkspaceScope => (cell.kind === "sql" ? access.sql : access.view);

export async function runNotebookCell(database: Database, notebookId: string, cellId: string, access: CellRunAccess): Promise<NotebookCell> {
  const notebook = await readNotebook(database.prisma, notebookId);
  if (!notebook) throw new NotebookCellRunError("NOTEBOOK_NOT_FOUND", `Notebook ${notebookId} does not exist or is in the trash.`);
  const cell = notebook.cells.find((candidate) => candidate.id === cellId);
  if (!cell) throw new NotebookCellRunError("CELL_NOT_FOUND", `Cell ${cellId} is not in notebook "${notebook.title}"; save the notebook and try again.`);
  if (cell.kind === "markdown" || cell.kind === "chart") {
    throw new NotebookCellRunError(
      "CELL_NOT_RUNNABLE",
      cell.kind === "markdown" ? "Markdown cells have no output to run." : "A chart draws its SQL cell's result: run that cell instead.",
    );
  }
  const sources = sourcesOf(cell);
  const ranAt = new Date();
  const states = await readDataSourceStates(database.prisma, sources, scopeOf(cell, access));
  const { output, models, counts } =
    cell.kind === "sql" ? await runSql(database, cell.source, cell.settings.limit, sources, access.sql) : await runView(database, cell.settings.view, access.view);
  const provenance = provenanceOf(cell, sources, states, models, counts, ranAt);
  await recordCellRun(database.prisma, notebookId, cellId, { output, provenance });
  return { ...cell, output, provenance };
}

interface RunResult {
  output: NotebookCellOutput;
  models: ModelIdentity[];
  counts: Record<string, number>;
}

async function runSql(
  database: Database,
  sql: string,
  limit: number | undefined,
  sources: readonly string[],
  workspaces: NotebookWorkspaceScope,
): Promise<RunResult> {
  const models = sources.some((source) => MODEL_SOURCES.has(source)) ? await modelsWithAnalyses(database.prisma) : [];
  try {
    const result = await runNotebookQuery(database, sql, { workspaces, ...(limit === undefined ? {} : { limit }) });
    return {
      output: { kind: "table", columns: result.columns, rows: result.rows, rowCount: result.rowCount, truncated: result.truncated, elapsedMs: result.elapsedMs },
      models,
      counts: { rows: result.rowCount },
    };
  } catch (error) {
    if (error instanceof NotebookQueryError || error instanceof NotebookReaderRoleError) {
      return { output: { kind: "error", code: error.code, message: error.message }, models, counts: {} };
    }
    throw error;
  }
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const modelText = (model: ModelIdentity) => `${model.key} ${model.version}`;

async function runView(database: Database, view: NotebookViewSpec | null, readable: NotebookWorkspaceScope): Promise<RunResult> {
  const missing = (message: string): RunResult => ({ output: { kind: "error", code: "VIEW_SOURCE_MISSING", message }, models: [], counts: {} });
  if (!view) return missing("Choose what this view shows first.");
  const prisma = database.prisma;
  const hidden = async (workspaces: () => Promise<readonly (string | null)[]>) => {
    if (readable === "all") return false;
    const ids = await workspaces();
    const known = ids.filter((id): id is string => id !== null);
    return known.length === 0 || known.length < ids.length || !known.every((id) => readable.includes(id));
  };
  switch (view.kind) {
    case "recording": {
      const recording = await recordingForNotebook(prisma, view.recordingId);
      if (!recording || (await hidden(async () => [await workspaceOfRecording(prisma, view.recordingId)]))) return missing(`Recording ${view.recordingId} no longer exists.`);
      if (view.endSeconds > recording.durationSeconds + 1e-6) {
        return missing(`${recording.name} is ${seconds(recording.durationSeconds)} long; the view asks for ${seconds(view.startSeconds)}–${seconds(view.endSeconds)}.`);
      }
      return {
        output: {
          kind: "view",
          title: `${recording.name}, ${seconds(view.startSeconds)}–${seconds(view.endSeconds)}`,
          summary: [`${recording.labelCount} current labels`, recording.models.length ? `Analysed by ${recording.models.map(modelText).join(", ")}` : "Not analysed"],
        },
        models: recording.models,
        counts: { labels: recording.labelCount },
      };
    }
    case "projection": {
      const projection = await projectionForNotebook(prisma, view.projectionId);
      if (!projection || (await hidden(() => workspacesOfProjection(prisma, view.projectionId)))) return missing(`Projection ${view.projectionId} no longer exists.`);
      if (!projection.finished) return missing(`Projection "${projection.name}" has not finished; run this cell again when it has.`);
      return {
        output: {
          kind: "view",
          title: `Projection "${projection.name}"`,
          summary: [`${projection.pointCount} points (${projection.level} level), ${projection.missingCount} without an embedding`, `Model ${modelText(projection.model)}`],
        },
        models: [projection.model],
        counts: { points: projection.pointCount },
      };
    }
    case "comparison": {
      const cohorts = await cohortsForNotebook(prisma, view.cohortIds);
      const gone: string[] = [];
      for (const id of view.cohortIds) {
        // A comparison names a handful of cohorts: one lookup each is fine.
        if (!cohorts.some((cohort) => cohort.id === id) || (await hidden(async () => [await workspaceOfCohort(prisma, id)]))) gone.push(id);
      }
      if (gone.length > 0) return missing(`Cohort ${gone.join(", ")} no longer exists.`);
      const ordered = view.cohortIds.map((id) => cohorts.find((cohort) => cohort.id === id)!);
      return {
        output: { kind: "view", title: `Cohort comparison: ${ordered.map((cohort) => cohort.name).join(" vs ")}`, summary: ordered.map((c) => `${c.name}: ${c.patientCount} patients`) },
        models: [],
        counts: Object.fromEntries(ordered.map((cohort) => [`patients in ${cohort.name}`, cohort.patientCount])),
      };
    }
    case "trajectory": {
      const patient = await patientForNotebook(prisma, view.patientId);
      if (!patient || (await hidden(async () => [await workspaceOfPatient(prisma, view.patientId)]))) return missing(`Patient ${view.patientId} no longer exists.`);
      return {
        output: { kind: "view", title: `Trajectory of patient ${patient.code}`, summary: [`${patient.sessionCount} sessions, ${patient.recordingCount} recordings`] },
        models: [],
        counts: { sessions: patient.sessionCount, recordings: patient.recordingCount },
      };
    }
  }
}

/**
 * Each cell's staleness now: the rule of cell-staleness.ts applied to the
 * current state of the data, as seen by `access` (whoever asks: a cell is
 * stale when running it now, as them, could show something else).
 */
export async function notebookStaleness(database: Database, notebook: NotebookDocument, access: CellRunAccess): Promise<Record<string, CellStaleness>> {
  const fingerprintsFor = async (kind: "sql" | "view") => {
    const cells = notebook.cells.filter((cell) => (kind === "sql") === (cell.kind === "sql"));
    const recorded = cells.flatMap((cell) => cell.provenance?.fingerprints.map((fingerprint) => fingerprint.source) ?? []);
    if (recorded.length === 0) return new Map<string, string>();
    const states = await readDataSourceStates(database.prisma, recorded, access[kind]);
    return new Map([...states].map(([source, state]) => [source, state.token]));
  };
  const byKind = { sql: await fingerprintsFor("sql"), view: await fingerprintsFor("view") };
  const nowByCell = new Map<string, CellInputsNow>(
    notebook.cells.map((cell) => [cell.id, { sourceHash: cellSourceHash(cell), fingerprints: byKind[cell.kind === "sql" ? "sql" : "view"] }]),
  );
  return Object.fromEntries(staleness(notebook.cells, nowByCell));
}

import type { ChartCellSettings, MarkdownCellSettings, SqlCellSettings, ViewCellSettings } from "./notebook-cell";
import { parseCellSettings } from "./notebook-cell-settings";
import { NotebookImportError } from "./notebook-import-error";

/**
 * Reads an .ipynb (nbformat 4, any minor version) into cells to create.
 * Nothing imported runs on its own: a code cell becomes a SQL cell only when
 * Resonance wrote it (metadata.resonance) or the notebook's language is SQL;
 * code in any other language is kept as a fenced block in a markdown cell.
 * Outputs are not imported: SQL, chart and view cells get theirs again by
 * running; outputs of code that became markdown are listed in `skipped`.
 */

interface ImportedCellBase {
  /**
   * The cell's id in the file (our cell id for notebooks we exported), unique
   * within the import. Chart settings refer to their source by it until
   * bindImportedCells maps them to the ids of the created cells.
   */
  importId: string;
  source: string;
}

export type ImportedNotebookCell =
  | (ImportedCellBase & { kind: "markdown"; settings: MarkdownCellSettings })
  | (ImportedCellBase & { kind: "sql"; settings: SqlCellSettings })
  | (ImportedCellBase & { kind: "chart"; settings: ChartCellSettings })
  | (ImportedCellBase & { kind: "view"; settings: ViewCellSettings });

export interface ImportedNotebook {
  title: string;
  cells: ImportedNotebookCell[];
  /** What could not come across, one line each for the researcher (e.g. "cell 4: 2 outputs of python code (not imported)"). */
  skipped: string[];
}

type JsonObject = Record<string, unknown>;

const SQL_LANGUAGES = new Set(["sql", "postgresql", "postgres", "plpgsql"]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    if (position?.[1] === undefined) throw new NotebookImportError(`${fileName} is not a notebook: it is not valid JSON (${message})`);
    const before = text.slice(0, Number(position[1])).split("\n");
    const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    throw new NotebookImportError(`${fileName} is not a notebook: its JSON is broken at ${where} (${message.replace(/ in JSON at position \d+.*$/, "")})`);
  }
}

function cellText(cell: JsonObject, fileName: string, number: number): string {
  const source = cell.source;
  if (typeof source === "string") return source;
  if (Array.isArray(source) && source.every((line) => typeof line === "string")) return source.join("");
  if (source === undefined) throw new NotebookImportError(`${fileName}: cell ${number} has no source`);
  throw new NotebookImportError(`${fileName}: the source of cell ${number} is neither text nor a list of lines`);
}

/** A fenced code block that the code cannot close early: the fence is longer than any run of backticks inside. */
function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const body = code.endsWith("\n") ? code : `${code}\n`;
  return `${fence}${language.replace(/[^\w+#.-]/g, "")}\n${body}${fence}`;
}

function notebookLanguage(metadata: JsonObject): string {
  const info = isObject(metadata.language_info) ? metadata.language_info.name : undefined;
  const kernel = isObject(metadata.kernelspec) ? metadata.kernelspec.language : undefined;
  const name = typeof info === "string" ? info : typeof kernel === "string" ? kernel : "";
  return name.trim().toLowerCase();
}

function checkVersion(root: JsonObject, fileName: string): void {
  const version = root.nbformat;
  if (version === 4) return;
  if (typeof version === "number" && version < 4) {
    throw new NotebookImportError(
      `${fileName} is an nbformat ${version} notebook; only nbformat 4 can be imported. Open and save it in Jupyter (or run "jupyter nbconvert --to notebook ${fileName}") to upgrade it.`,
    );
  }
  if (typeof version === "number") throw new NotebookImportError(`${fileName} is an nbformat ${version} notebook; only nbformat 4 can be imported`);
  throw new NotebookImportError(`${fileName} is not a Jupyter notebook: it has no nbformat version`);
}

function titleOf(metadata: JsonObject, fileName: string): string {
  const resonance = isObject(metadata.resonance) ? metadata.resonance.title : undefined;
  for (const candidate of [resonance, metadata.title]) {
    if (typeof candidate === "string" && candidate.trim() !== "") return candidate.trim();
  }
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return base.replace(/\.[^.]*$/, "") || base;
}

interface CellContext {
  fileName: string;
  number: number;
  language: string;
  skipped: string[];
}

function markdownCell(importId: string, source: string): ImportedNotebookCell {
  return { importId, kind: "markdown", source, settings: {} };
}

function outputCount(cell: JsonObject): number {
  return Array.isArray(cell.outputs) ? cell.outputs.length : 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A code cell Resonance wrote, restored with its kind and settings, or null when its metadata does not hold up. */
function resonanceCell(cell: JsonObject, importId: string, text: string, context: CellContext): ImportedNotebookCell | null {
  const metadata = isObject(cell.metadata) && isObject(cell.metadata.resonance) ? cell.metadata.resonance : null;
  if (metadata === null || (metadata.kind !== "sql" && metadata.kind !== "chart" && metadata.kind !== "view")) return null;
  const parsed = parseCellSettings(metadata.kind, metadata.settings);
  if (!parsed.ok) {
    context.skipped.push(`cell ${context.number}: its ${metadata.kind} settings are not valid (${parsed.problem}); ${metadata.kind === "sql" ? "imported with default settings" : "kept as text"}`);
    return metadata.kind === "sql" ? { importId, kind: "sql", source: text, settings: {} } : markdownCell(importId, fenced(text, "sql"));
  }
  const ownSource = typeof metadata.source === "string" ? metadata.source : "";
  switch (parsed.kind) {
    case "sql":
      return { importId, kind: "sql", source: text, settings: parsed.settings };
    case "chart":
      return { importId, kind: "chart", source: ownSource, settings: parsed.settings };
    case "view":
      return { importId, kind: "view", source: ownSource, settings: parsed.settings };
    case "markdown":
      return markdownCell(importId, text);
  }
}

function codeCell(cell: JsonObject, importId: string, text: string, context: CellContext): ImportedNotebookCell | null {
  const restored = resonanceCell(cell, importId, text, context);
  if (restored !== null) return restored;
  if (SQL_LANGUAGES.has(context.language)) return { importId, kind: "sql", source: text, settings: {} };
  const language = context.language || "code";
  const outputs = outputCount(cell);
  if (outputs > 0) context.skipped.push(`cell ${context.number}: ${plural(outputs, "output")} of ${language} code (not imported; the code is kept as text)`);
  if (text.trim() === "") return null;
  return markdownCell(importId, fenced(text, context.language));
}

function importCell(value: unknown, importId: string, context: CellContext): ImportedNotebookCell | null {
  if (!isObject(value)) throw new NotebookImportError(`${context.fileName}: cell ${context.number} is not an object`);
  const type = value.cell_type;
  const text = cellText(value, context.fileName, context.number);
  if (isObject(value.attachments) && Object.keys(value.attachments).length > 0) {
    context.skipped.push(`cell ${context.number}: ${plural(Object.keys(value.attachments).length, "attachment")} (${Object.keys(value.attachments).join(", ")}) not imported`);
  }
  switch (type) {
    case "markdown":
      return markdownCell(importId, text);
    case "code":
      return codeCell(value, importId, text, context);
    case "raw":
      return text.trim() === "" ? null : markdownCell(importId, fenced(text, "text"));
    default:
      context.skipped.push(`cell ${context.number}: unknown cell type ${JSON.stringify(type)}, left out`);
      return null;
  }
}

/** The id a cell is known by in this import: our cell id, else the nbformat id, else its number; unique. */
function importIdOf(value: unknown, number: number, used: Set<string>): string {
  const metadata = isObject(value) && isObject(value.metadata) && isObject(value.metadata.resonance) ? value.metadata.resonance : {};
  const candidates = [metadata.cellId, isObject(value) ? value.id : undefined, `cell-${number}`];
  let id = candidates.find((candidate): candidate is string => typeof candidate === "string" && candidate !== "" && !used.has(candidate)) ?? `cell-${number}`;
  for (let suffix = 2; used.has(id); suffix += 1) id = `cell-${number}-${suffix}`;
  used.add(id);
  return id;
}

/**
 * The cells of an .ipynb file to create in a new notebook. Throws
 * NotebookImportError when the file is not an nbformat 4 notebook.
 */
export function ipynbToNotebookCells(text: string, fileName: string): ImportedNotebook {
  const root = parseJson(text, fileName);
  if (!isObject(root)) throw new NotebookImportError(`${fileName} is not a notebook: its JSON is not an object`);
  checkVersion(root, fileName);
  if (!Array.isArray(root.cells)) throw new NotebookImportError(`${fileName} is not a notebook: it has no "cells" list`);
  const metadata = isObject(root.metadata) ? root.metadata : {};
  const language = notebookLanguage(metadata);
  const skipped: string[] = [];
  const used = new Set<string>();
  const cells: ImportedNotebookCell[] = [];
  root.cells.forEach((value, index) => {
    const importId = importIdOf(value, index + 1, used);
    const cell = importCell(value, importId, { fileName, number: index + 1, language, skipped });
    if (cell !== null) cells.push(cell);
  });
  const sqlIds = new Set(cells.filter((cell) => cell.kind === "sql").map((cell) => cell.importId));
  for (const [index, cell] of cells.entries()) {
    if (cell.kind !== "chart" || cell.settings.sourceCellId === null || sqlIds.has(cell.settings.sourceCellId)) continue;
    skipped.push(`chart in imported cell ${index + 1}: its source SQL cell is not in the file; choose one after import`);
    cells[index] = { ...cell, settings: { ...cell.settings, sourceCellId: null } };
  }
  return { title: titleOf(metadata, fileName), cells, skipped };
}

/**
 * The imported cells with the ids they were created under (`ids[i]` for
 * `cells[i]`), chart sources pointed at the new id of their SQL cell.
 */
export function bindImportedCells(cells: readonly ImportedNotebookCell[], ids: readonly string[]): Array<ImportedNotebookCell & { id: string }> {
  if (ids.length !== cells.length) throw new RangeError(`bindImportedCells needs one id per cell: ${cells.length} cells, ${ids.length} ids`);
  const newId = new Map(cells.map((cell, index) => [cell.importId, ids[index] ?? ""]));
  return cells.map((cell, index) => {
    const id = ids[index] ?? "";
    if (cell.kind !== "chart") return { ...cell, id };
    const sourceCellId = cell.settings.sourceCellId === null ? null : (newId.get(cell.settings.sourceCellId) ?? null);
    return { ...cell, id, settings: { ...cell.settings, sourceCellId } };
  });
}

import { MANIFEST_COLUMN_ALIASES, columnRole, normalizeColumnName, splitListCell } from "./manifest-columns";
import { parseManifestDate } from "./manifest-dates";
import { ManifestError } from "./manifest-error";
import { convertMetadataCell, inferMetadataType, type MetadataParseOptions } from "./manifest-metadata";
import { normalizeManifestPath } from "./manifest-path";
import { readCsvTable, readJsonlTable, decodeManifestText, type ManifestTable } from "./manifest-read";
import { findClinicalScale, type ClinicalScale } from "./manifest-scales";
import type { ManifestColumn, ManifestProblem, ManifestRow, ParsedManifest } from "./manifest-types";

export interface ParseManifestOptions {
  /** Names the file in messages; also gives the format when `format` is omitted. */
  fileName: string;
  format?: "csv" | "jsonl";
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, "csv" | "jsonl">> = { csv: "csv", tsv: "csv", jsonl: "jsonl", ndjson: "jsonl" };

interface ColumnSlot extends ManifestColumn {
  index: number;
  scale?: ClinicalScale;
}

/**
 * Parses a metadata manifest (CSV/TSV with a header row, or JSONL). Pure: the
 * caller reads the file. Bytes are decoded as strict UTF-8; a string is taken
 * as already decoded. Throws ManifestError when nothing can be read; problems
 * confined to rows are returned, and those rows are left out of `rows`.
 */
export function parseManifest(input: string | Uint8Array, options: ParseManifestOptions): ParsedManifest {
  const { fileName } = options;
  const format = options.format ?? formatFromFileName(fileName);
  const text = decodeManifestText(input, fileName);
  if (text.trim() === "") throw new ManifestError(fileName, `${fileName} is empty`);
  const table = format === "csv" ? readCsvTable(text, fileName) : readJsonlTable(text, fileName);
  if (table.records.length === 0 && table.problems.length === 0) {
    throw new ManifestError(fileName, `${fileName} has a header row but no rows`);
  }

  const problems: ManifestProblem[] = [...table.problems];
  const slots = resolveColumns(table, fileName, problems);
  const parseOptions: MetadataParseOptions = { decimalComma: table.delimiter !== null && table.delimiter !== "," };
  for (const slot of slots) {
    if (slot.role !== "metadata") continue;
    const values = table.records.map(({ cells }) => cells[slot.index]?.trim() ?? "").filter((value) => value !== "");
    slot.type = inferMetadataType(values, slot.scale, parseOptions);
  }

  const rows: ManifestRow[] = [];
  const firstLineByPath = new Map<string, number>();
  for (const record of table.records) {
    const rowProblems: ManifestProblem[] = [];
    const row = buildRow(record, slots, parseOptions, rowProblems);
    if (row.path === "") {
      rowProblems.push({ line: record.line, column: "path", message: `line ${record.line}: the path is empty` });
    } else {
      const key = normalizeManifestPath(row.path);
      const first = firstLineByPath.get(key);
      if (first === undefined) firstLineByPath.set(key, record.line);
      else {
        rowProblems.push({
          line: record.line,
          column: "path",
          message: `line ${record.line}: ${row.path} is already listed on line ${first}`,
        });
      }
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) rows.push(row);
  }

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const columns = slots.map(({ name, header, role, type }): ManifestColumn => (type ? { name, header, role, type } : { name, header, role }));
  return { fileName, format, rows, columns, problems };
}

function formatFromFileName(fileName: string): "csv" | "jsonl" {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    throw new ManifestError(fileName, `cannot tell the format of ${fileName}: name it .csv, .tsv, .jsonl or .ndjson`);
  }
  return format;
}

function resolveColumns(table: ManifestTable, fileName: string, problems: ManifestProblem[]): ColumnSlot[] {
  const slots: ColumnSlot[] = [];
  const byName = new Map<string, ColumnSlot>();
  const byRole = new Map<string, ColumnSlot>();
  table.headers.forEach((header, index) => {
    const name = normalizeColumnName(header);
    if (name === "") {
      if (table.records.some(({ cells }) => (cells[index] ?? "").trim() !== "")) {
        problems.push({ line: null, message: `column ${index + 1} has values but no header; its values are ignored` });
      }
      return;
    }
    const sameName = byName.get(name);
    if (sameName) {
      throw new ManifestError(fileName, `${fileName} has two columns named ${name} ('${sameName.header}' and '${header}')`);
    }
    const role = columnRole(name);
    const sameRole = role === "metadata" ? undefined : byRole.get(role);
    if (sameRole) {
      throw new ManifestError(
        fileName,
        `${fileName} has two ${role} columns ('${sameRole.header}' and '${header}'); keep one or rename the other`,
      );
    }
    const scale = role === "metadata" ? findClinicalScale(name) : undefined;
    const slot: ColumnSlot = scale ? { name, header, role, index, scale } : { name, header, role, index };
    slots.push(slot);
    byName.set(name, slot);
    if (role !== "metadata") byRole.set(role, slot);
  });
  if (!byRole.has("path")) {
    const found = slots.map((slot) => slot.header).join(", ") || "none";
    throw new ManifestError(
      fileName,
      `${fileName} has no path column (columns found: ${found}); name the column with the audio file paths ${MANIFEST_COLUMN_ALIASES.path.join(", ")}`,
    );
  }
  return slots;
}

function buildRow(
  record: ManifestTable["records"][number],
  slots: readonly ColumnSlot[],
  parseOptions: MetadataParseOptions,
  problems: ManifestProblem[],
): ManifestRow {
  const { line } = record;
  const row: ManifestRow = { line, path: "", cohorts: [], metadata: {} };
  const problem = (column: string, message: string) =>
    problems.push({ line, column, message: `line ${line}, column ${column}: ${message}` });

  for (const slot of slots) {
    const value = record.cells[slot.index]?.trim() ?? "";
    if (value === "") continue;
    switch (slot.role) {
      case "path":
        row.path = value;
        break;
      case "patient":
        row.patientCode = value;
        break;
      case "session":
        row.sessionCode = value;
        break;
      case "cohorts":
        row.cohorts = splitListCell(value);
        break;
      case "channel_roles":
        row.channelRoles = splitListCell(value);
        break;
      case "session_date": {
        const date = parseManifestDate(value);
        if (date?.ok) row.sessionDate = date.iso;
        else problem(slot.name, date ? date.reason : `'${value}' is not a date; write it as YYYY-MM-DD`);
        break;
      }
      case "channel_mode": {
        const mode = value.toLowerCase();
        if (mode === "mix" || mode === "split") row.channelMode = mode;
        else problem(slot.name, `'${value}' is not a channel mode; use mix (one track) or split (one track per channel)`);
        break;
      }
      case "metadata": {
        const converted = convertMetadataCell(value, slot.type ?? "string", slot.scale, parseOptions);
        if (converted.kind === "value") row.metadata[slot.name] = converted.value;
        else if (converted.kind === "problem") problem(slot.name, converted.message);
        break;
      }
    }
  }

  if (row.channelRoles) {
    // Roles only make sense per channel, so naming them implies split.
    if (row.channelMode === "mix") {
      const column = slots.find((slot) => slot.role === "channel_roles")?.name ?? "channel_roles";
      problem(column, "channel roles are given but channel_mode is mix; use split to keep the channels apart, or leave the roles empty");
    } else {
      row.channelMode = "split";
    }
  }
  return row;
}

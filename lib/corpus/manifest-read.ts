import { parse } from "csv-parse/sync";
import { ManifestError } from "./manifest-error";
import type { ManifestProblem } from "./manifest-types";

/**
 * First stage of manifest parsing: text → header plus raw cells with their line
 * numbers. Both formats end up in this shape so typing and validation are
 * written once.
 */
export interface ManifestTable {
  headers: string[];
  records: { line: number; cells: string[] }[];
  /** Lines that could not be read as a record at all. */
  problems: ManifestProblem[];
  /** The CSV delimiter, or null for JSONL. */
  delimiter: string | null;
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** Decodes bytes as strict UTF-8 and refuses text that is evidently binary or UTF-16. */
export function decodeManifestText(input: string | Uint8Array, fileName: string): string {
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
      throw new ManifestError(fileName, `${fileName} is saved as UTF-16; save it again as "CSV UTF-8" (or UTF-8 text)`);
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch (cause) {
      throw new ManifestError(fileName, `${fileName} is not UTF-8 text; save it again as "CSV UTF-8" (or UTF-8 text)`, { cause });
    }
  }
  if (text.includes("\0")) {
    throw new ManifestError(fileName, `${fileName} contains binary data (NUL bytes); a manifest must be a CSV or JSONL text file`);
  }
  if (text.includes("\uFFFD")) {
    throw new ManifestError(fileName, `${fileName} is not valid UTF-8 text; save it again as "CSV UTF-8" (or UTF-8 text)`);
  }
  // Normalising line ends keeps csv-parse's line counting exact for files with mixed endings.
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Picks the delimiter that occurs most often outside quotes in the header line; comma on a tie or none. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export function readCsvTable(text: string, fileName: string): ManifestTable {
  const headerLine = text.split("\n").find((line) => line.trim() !== "");
  if (headerLine === undefined) throw new ManifestError(fileName, `${fileName} is empty`);
  const delimiter = detectDelimiter(headerLine);

  let parsed: { record: string[]; raw: string }[];
  try {
    // With `raw`, csv-parse returns { record, raw } objects; its typings only describe plain records.
    parsed = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true, raw: true }) as unknown as typeof parsed;
  } catch (cause) {
    const line = typeof cause === "object" && cause !== null && "lines" in cause ? Number(cause.lines) : null;
    const where = line ? ` near line ${line}` : "";
    const reason = cause instanceof Error ? cause.message.replace(/^[^:]*:\s*/, "") : String(cause);
    throw new ManifestError(fileName, `${fileName} cannot be read as CSV${where}: ${reason}`, { cause });
  }

  const records: ManifestTable["records"] = [];
  let consumedLines = 0;
  for (const { record, raw } of parsed) {
    // csv-parse puts skipped blank lines at the start of the next record's raw text.
    const leadingBlank = /^\n*/.exec(raw)?.[0].length ?? 0;
    const line = consumedLines + leadingBlank + 1;
    consumedLines += raw.split("\n").length - 1;
    // Spreadsheets export formatted-but-empty rows as ";;;;": not a row at all.
    if (record.every((cell) => cell.trim() === "")) continue;
    records.push({ line, cells: record });
  }

  const header = records.shift();
  if (!header) throw new ManifestError(fileName, `${fileName} is empty`);
  const problems: ManifestProblem[] = [];
  const width = header.cells.length;
  const kept = records.filter(({ line, cells }) => {
    // A trailing delimiter adds empty fields; harmless.
    const trimmed = cells.length > width && cells.slice(width).every((cell) => cell.trim() === "") ? cells.slice(0, width) : cells;
    if (trimmed.length === width) return true;
    const name = DELIMITER_NAMES[delimiter] ?? delimiter;
    problems.push({
      line,
      message: `line ${line} has ${cells.length} fields but the header has ${width}; values that contain a ${name} must be in double quotes`,
    });
    return false;
  });
  return {
    headers: header.cells,
    records: kept.map(({ line, cells }) => ({ line, cells: cells.slice(0, width) })),
    problems,
    delimiter,
  };
}

export function readJsonlTable(text: string, fileName: string): ManifestTable {
  const headers: string[] = [];
  const headerIndex = new Map<string, number>();
  const objects: { line: number; values: Map<number, string> }[] = [];
  const problems: ManifestProblem[] = [];

  text.split("\n").forEach((lineText, index) => {
    const line = index + 1;
    if (lineText.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch {
      problems.push({ line, message: `line ${line} is not valid JSON` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, message: `line ${line} is not a JSON object ({"path": ..., ...})` });
      return;
    }
    const values = new Map<number, string>();
    let ok = true;
    for (const [key, field] of Object.entries(value)) {
      const cell = jsonCell(field);
      if (cell === null) {
        problems.push({ line, column: key, message: `line ${line}, column ${key}: nested objects are not supported; use a text, number or true/false value` });
        ok = false;
        continue;
      }
      let column = headerIndex.get(key);
      if (column === undefined) {
        column = headers.push(key) - 1;
        headerIndex.set(key, column);
      }
      values.set(column, cell);
    }
    if (ok) objects.push({ line, values });
  });

  if (objects.length === 0 && problems.length === 0) throw new ManifestError(fileName, `${fileName} is empty`);
  if (objects.length === 0) {
    throw new ManifestError(fileName, `${fileName} has no readable lines: ${problems[0]?.message ?? "no JSON objects"}`);
  }
  return {
    headers,
    records: objects.map(({ line, values }) => ({ line, cells: headers.map((_, column) => values.get(column) ?? "") })),
    problems,
    delimiter: null,
  };
}

/** JSON values as the text a CSV cell would hold; arrays become `;` lists (cohorts, channel roles). null → not representable. */
function jsonCell(value: unknown): string | null {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => ["string", "number", "boolean"].includes(typeof item))) {
    return value.map(String).join(";");
  }
  return null;
}

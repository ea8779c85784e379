import { describe, expect, it } from "vitest";
import { ManifestError } from "./manifest-error";
import { parseManifest } from "./manifest-parse";

const csv = (lines: string[]) => lines.join("\n") + "\n";

describe("parseManifest (CSV)", () => {
  it("maps aliased columns to roles and keeps the rest as typed metadata", () => {
    const parsed = parseManifest(
      csv([
        "File Name,Speaker ID,Group,Visit,Date,PHQ-9,Age,Sex,On Medication,Consent Date",
        "a.wav,P01,depression;pilot,S1,2024-03-01,14,34.5,f,yes,2024-01-10",
        'sub/b.wav,P02,"control | pilot",S2,05.03.2024,3,51,m,no,2024-01-11',
      ]),
      { fileName: "cohort.csv" },
    );
    expect(parsed.format).toBe("csv");
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns).toEqual([
      { name: "file_name", header: "File Name", role: "path" },
      { name: "speaker_id", header: "Speaker ID", role: "patient" },
      { name: "group", header: "Group", role: "cohorts" },
      { name: "visit", header: "Visit", role: "session" },
      { name: "date", header: "Date", role: "session_date" },
      { name: "phq_9", header: "PHQ-9", role: "metadata", type: "integer" },
      { name: "age", header: "Age", role: "metadata", type: "number" },
      { name: "sex", header: "Sex", role: "metadata", type: "string" },
      { name: "on_medication", header: "On Medication", role: "metadata", type: "boolean" },
      { name: "consent_date", header: "Consent Date", role: "metadata", type: "date" },
    ]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        path: "a.wav",
        patientCode: "P01",
        cohorts: ["depression", "pilot"],
        sessionCode: "S1",
        sessionDate: "2024-03-01",
        metadata: { phq_9: 14, age: 34.5, sex: "f", on_medication: true, consent_date: "2024-01-10" },
      },
      {
        line: 3,
        path: "sub/b.wav",
        patientCode: "P02",
        cohorts: ["control", "pilot"],
        sessionCode: "S2",
        sessionDate: "2024-03-05",
        metadata: { phq_9: 3, age: 51, sex: "m", on_medication: false, consent_date: "2024-01-11" },
      },
    ]);
  });

  it("detects semicolon and tab delimiters, strips a BOM, skips blank and empty rows, and reports start lines", () => {
    const semicolon = parseManifest("\uFEFFpath;note;score\r\n\r\na.wav;\"two\nlines\";1,5\r\n;;\r\nb.wav;x;2\r\n", {
      fileName: "m.csv",
    });
    expect(semicolon.rows.map((row) => [row.line, row.path, row.metadata])).toEqual([
      [3, "a.wav", { note: "two\nlines", score: 1.5 }],
      [6, "b.wav", { note: "x", score: 2 }],
    ]);
    const tab = parseManifest("path\tcohort\na.wav\tx\n", { fileName: "m.tsv" });
    expect(tab.rows[0]).toMatchObject({ path: "a.wav", cohorts: ["x"] });
  });

  it("reports a bad cell with line and column, excludes that row, and keeps the column's type", () => {
    const rows = ["path,score", ...Array.from({ length: 10 }, (_, i) => `f${i}.wav,${i}`), "f10.wav,abc"];
    const parsed = parseManifest(csv(rows), { fileName: "m.csv" });
    expect(parsed.columns[1]).toMatchObject({ name: "score", type: "integer" });
    expect(parsed.rows).toHaveLength(10);
    expect(parsed.problems).toEqual([
      {
        line: 12,
        column: "score",
        message: "line 12, column score: 'abc' is not a number; the other values in this column are whole numbers",
      },
    ]);
  });

  it("keeps a column as text when too few values share a type", () => {
    const parsed = parseManifest(csv(["path,code", "a.wav,12", "b.wav,F32.1", "c.wav,x"]), { fileName: "m.csv" });
    expect(parsed.columns[1]?.type).toBe("string");
    expect(parsed.rows.map((row) => row.metadata.code)).toEqual(["12", "F32.1", "x"]);
  });

  it("treats NA-style markers as absent in typed columns but keeps them in text columns", () => {
    const parsed = parseManifest(
      csv(["path,gad7,medication", "a.wav,NA,none", "b.wav,5,sertraline", "c.wav,,"]),
      { fileName: "m.csv" },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => row.metadata)).toEqual([
      { medication: "none" },
      { gad7: 5, medication: "sertraline" },
      {},
    ]);
  });

  it("range-checks clinical scales whatever their spelling", () => {
    const parsed = parseManifest(
      csv(["path,PHQ_9,gad-7,MADRS,age", "a.wav,28,3,10,40", "b.wav,2,22,10,40", "c.wav,2,3,12.5,131", "d.wav,27,21,60,0"]),
      { fileName: "m.csv" },
    );
    expect(parsed.rows.map((row) => row.path)).toEqual(["d.wav"]);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      "line 2, column phq_9: 28 is outside the PHQ-9 range 0–27",
      "line 3, column gad_7: 22 is outside the GAD-7 range 0–21",
      "line 4, column madrs: '12.5' is not a whole number; MADRS scores are whole numbers",
      "line 4, column age: 131 is outside the age range 0–130",
    ]);
  });

  it("rejects ambiguous and impossible session dates and accepts YYYY/MM/DD", () => {
    const parsed = parseManifest(
      csv(["path,session_date", "a.wav,01/02/2024", "b.wav,2024-02-30", "c.wav,2024/2/9", "d.wav,soon"]),
      { fileName: "m.csv" },
    );
    expect(parsed.rows.map((row) => [row.path, row.sessionDate])).toEqual([["c.wav", "2024-02-09"]]);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      "line 2, column session_date: '01/02/2024' is ambiguous (day/month or month/day); write it as YYYY-MM-DD or DD.MM.YYYY",
      "line 3, column session_date: '2024-02-30' is not a calendar date",
      "line 5, column session_date: 'soon' is not a date; write it as YYYY-MM-DD",
    ]);
  });

  it("reads channel modes and roles; roles imply split and contradict mix", () => {
    const parsed = parseManifest(
      csv([
        "path,channel_mode,channel_roles",
        "a.wav,split,therapist;patient",
        "b.wav,,therapist|patient",
        "c.wav,Mix,",
        "d.wav,mix,therapist;patient",
        "e.wav,stereo,",
      ]),
      { fileName: "m.csv" },
    );
    expect(parsed.rows.map((row) => [row.path, row.channelMode, row.channelRoles])).toEqual([
      ["a.wav", "split", ["therapist", "patient"]],
      ["b.wav", "split", ["therapist", "patient"]],
      ["c.wav", "mix", undefined],
    ]);
    expect(parsed.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [5, "channel_roles"],
      [6, "channel_mode"],
    ]);
  });

  it("reports duplicate paths on the later line, comparing normalised paths", () => {
    const parsed = parseManifest(csv(["path", "sub/a.wav", "b.wav", ".\\sub\\a.wav", ""]), { fileName: "m.csv" });
    expect(parsed.rows.map((row) => row.path)).toEqual(["sub/a.wav", "b.wav"]);
    expect(parsed.problems).toEqual([
      { line: 4, column: "path", message: "line 4: .\\sub\\a.wav is already listed on line 2" },
    ]);
  });

  it("reports an empty path and a row with the wrong number of fields", () => {
    const parsed = parseManifest(csv(["path,cohort", ",x", "a.wav,x,y", "b.wav,x,"]), { fileName: "m.csv" });
    expect(parsed.rows.map((row) => row.path)).toEqual(["b.wav"]);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      "line 2: the path is empty",
      "line 3 has 3 fields but the header has 2; values that contain a comma must be in double quotes",
    ]);
  });

  it("stops with ManifestError when the file cannot serve as a manifest", () => {
    const attempt = (input: string | Uint8Array, fileName = "m.csv") => () => parseManifest(input, { fileName });
    expect(attempt("")).toThrow(ManifestError);
    expect(attempt("  \n\n")).toThrow("m.csv is empty");
    expect(attempt("speaker,cohort\nP1,x\n")).toThrow(/m\.csv has no path column \(columns found: speaker, cohort\)/);
    expect(attempt("path,cohort\n")).toThrow("m.csv has a header row but no rows");
    expect(attempt("file,path\na,b\n")).toThrow("m.csv has two path columns ('file' and 'path')");
    expect(attempt("Age,age,path\n1,2,a\n")).toThrow("m.csv has two columns named age");
    expect(attempt('path\n"a.wav\n')).toThrow(/m\.csv cannot be read as CSV near line \d/);
    expect(attempt(new Uint8Array([0x70, 0x61, 0xff, 0x0a]))).toThrow("m.csv is not UTF-8 text");
    expect(attempt(new Uint8Array([0xff, 0xfe, 0x70, 0x00]))).toThrow("m.csv is saved as UTF-16");
    expect(attempt("path\0\x01\x02")).toThrow("m.csv contains binary data");
    expect(attempt("path\na.wav", "m.xlsx")).toThrow("cannot tell the format of m.xlsx");
  });

  it("decodes UTF-8 bytes", () => {
    const bytes = new TextEncoder().encode("\uFEFFpath,Diagnose\nä.wav,Störung\n");
    const parsed = parseManifest(bytes, { fileName: "m.csv" });
    expect(parsed.rows[0]).toMatchObject({ path: "ä.wav", metadata: { diagnose: "Störung" } });
  });

  it("warns about values in a column without a header", () => {
    const parsed = parseManifest(csv(["path,", "a.wav,x"]), { fileName: "m.csv" });
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toEqual([{ line: null, message: "column 2 has values but no header; its values are ignored" }]);
  });
});

describe("parseManifest (JSONL)", () => {
  it("reads one object per line, accepts arrays for lists, and reports bad lines", () => {
    const text = [
      '{"path": "a.wav", "patient_id": "P01", "cohorts": ["x", "y"], "phq9": 12, "smoker": false}',
      "",
      "[1, 2]",
      "{not json",
      '{"path": "b.wav", "phq9": null, "extra": {"deep": 1}}',
      '{"path": "c.wav", "session": 3}',
    ].join("\n");
    const parsed = parseManifest(text, { fileName: "m.ndjson" });
    expect(parsed.format).toBe("jsonl");
    expect(parsed.rows).toEqual([
      { line: 1, path: "a.wav", patientCode: "P01", cohorts: ["x", "y"], metadata: { phq9: 12, smoker: false } },
      { line: 6, path: "c.wav", sessionCode: "3", cohorts: [], metadata: {} },
    ]);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      "line 3 is not a JSON object ({\"path\": ..., ...})",
      "line 4 is not valid JSON",
      "line 5, column extra: nested objects are not supported; use a text, number or true/false value",
    ]);
  });

  it("rejects a JSONL manifest that names the path under two aliases, and one with no readable line", () => {
    expect(() => parseManifest('{"path": "a"}\n{"file": "b"}', { fileName: "m.jsonl" })).toThrow(
      "m.jsonl has two path columns ('path' and 'file')",
    );
    expect(() => parseManifest("[1]\n", { fileName: "m.jsonl" })).toThrow("m.jsonl has no readable lines: line 1 is not a JSON object");
  });
});

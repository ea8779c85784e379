/**
 * Scans log text for what logs must never hold: patient identifiers and
 * secrets. A finding names the line and the kind of leak, never the leaked
 * text itself (the report is printed, and would leak it again).
 */

export interface LogLeak {
  line: number;
  kind: string;
}

export interface ForbiddenContent {
  /** Pseudonymous patient codes, matched as whole codes (P04 in "P04_S3.wav" too, not in "P045"). */
  patientCodes: readonly string[];
  /** Literal secrets known to the test run (passwords it used). */
  secrets: readonly string[];
}

const SECRET_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: "session cookie", pattern: /resonance_session=[A-Za-z0-9_-]{20,}/ },
  { kind: "API token", pattern: /rsn_[A-Za-z0-9_-]{20,}/ },
  { kind: "bearer credential", pattern: /Bearer\s+[A-Za-z0-9._~+/-]{20,}/i },
  { kind: "password hash", pattern: /scrypt\$N=\d+/ },
  { kind: "database password", pattern: /postgres(?:ql)?:\/\/[^:@/\s]+:[^@/\s*]+@/ },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function scanLog(text: string, forbidden: ForbiddenContent): LogLeak[] {
  const codes = forbidden.patientCodes.length > 0 ? new RegExp(`(?<![A-Za-z0-9])(?:${forbidden.patientCodes.map(escape).join("|")})(?![0-9])`) : null;
  const leaks: LogLeak[] = [];
  text.split("\n").forEach((line, index) => {
    const at = index + 1;
    if (codes?.test(line)) leaks.push({ line: at, kind: "patient code" });
    for (const secret of forbidden.secrets) if (secret && line.includes(secret)) leaks.push({ line: at, kind: "known secret" });
    for (const { kind, pattern } of SECRET_PATTERNS) if (pattern.test(line)) leaks.push({ line: at, kind });
  });
  return leaks;
}

/** The patient column of a manifest CSV (header "patient"), without parsing quoted fields it does not need. */
export function patientCodesOfManifest(csv: string): string[] {
  const [header, ...rows] = csv.split(/\r?\n/);
  const column = header?.split(",").indexOf("patient") ?? -1;
  if (column < 0) return [];
  return [...new Set(rows.map((row) => row.split(",")[column]?.trim() ?? "").filter((code) => code.length > 0))];
}

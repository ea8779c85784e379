import { z } from "zod";
import { canonicalJson } from "../export/canonical-json";
import type { CellProvenance, DataFingerprint, NotebookCellKind } from "./notebook-cell";
import { formatCount, formatUtcMinute } from "./notebook-format";

/**
 * The pure half of a cell's provenance: the canonical strings the server
 * hashes (SHA-256 lives in node:crypto, outside lib/domain), the lines the UI
 * and exports show, and validation of provenance read back from storage.
 */

/** Bumped when the material's layout changes, so old and new hashes never collide by accident. */
const MATERIAL_VERSION = 1;

/**
 * What the server hashes into `inputHash`: the source hash and every data
 * fingerprint, sorted by source (then token) so the order the server gathered
 * them in does not change the hash.
 */
export function provenanceInputMaterial(sourceHash: string, fingerprints: readonly DataFingerprint[]): string {
  const sorted = [...fingerprints]
    .map((fingerprint) => ({ source: fingerprint.source, token: fingerprint.token }))
    .sort((a, b) => compare(a.source, b.source) || compare(a.token, b.token));
  return canonicalJson({ fingerprints: sorted, sourceHash, version: MATERIAL_VERSION });
}

/**
 * What the server hashes into `sourceHash`: kind, source and settings as
 * canonical JSON (keys sorted at every depth), so settings stored as jsonb,
 * which reorders keys, hash the same as the editor's object.
 */
export function cellSourceMaterial(kind: NotebookCellKind, source: string, settings: object): string {
  return canonicalJson({ kind, settings, source, version: MATERIAL_VERSION });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts shown first, in this order; others follow alphabetically. */
const COUNT_ORDER = ["rows", "patients", "sessions", "recordings", "regions", "analyses", "labels", "points"];

function countRank(name: string): number {
  const rank = COUNT_ORDER.indexOf(name);
  return rank === -1 ? COUNT_ORDER.length : rank;
}

/** The hash prefix the UI shows: long enough to tell runs apart, short enough to read aloud. */
export const SHOWN_HASH_LENGTH = 12;

/**
 * Lines for the UI and the report, e.g. "Ran 21 Nov 2026 14:03 UTC",
 * "Models: emotion2vec-plus-base 1.0", "Rows 9 · recordings 120 · labels 340",
 * "Inputs a1b2c3d4e5f6". The models and counts lines are left out when empty.
 * Counts come in a fixed order because jsonb does not keep key order.
 */
export function describeProvenance(provenance: CellProvenance): string[] {
  const lines = [`Ran ${formatUtcMinute(provenance.ranAt)}`];
  if (provenance.models.length > 0) {
    lines.push(`Models: ${provenance.models.map((model) => `${model.key} ${model.version}`).join(", ")}`);
  }
  const counts = Object.entries(provenance.counts).sort(([a], [b]) => countRank(a) - countRank(b) || compare(a, b));
  if (counts.length > 0) {
    const text = counts.map(([name, value]) => `${name} ${formatCount(value)}`).join(" · ");
    lines.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  lines.push(`Inputs ${provenance.inputHash.slice(0, SHOWN_HASH_LENGTH)}`);
  return lines;
}

const text = z.string().min(1);

export const cellProvenanceSchema = z.object({
  ranAt: z.iso.datetime({ offset: true }),
  sourceHash: text,
  inputHash: text,
  models: z.array(z.object({ key: text, version: text })),
  counts: z.record(z.string(), z.number().finite().min(0)),
  fingerprints: z.array(z.object({ source: text, token: z.string() })),
}) satisfies z.ZodType<CellProvenance>;

/**
 * Provenance read back from the database or an imported file, or null when
 * there is none or it does not have the expected shape (a cell whose
 * provenance cannot be read is treated as never run, so it is offered for a
 * re-run rather than shown as fresh).
 */
export function parseCellProvenance(value: unknown): CellProvenance | null {
  if (value === null || value === undefined) return null;
  const parsed = cellProvenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

import { z } from "zod";
import { CANONICAL_LABELS, toCanonicalLabel, type CanonicalLabel } from "../domain/emotion-labels";
import { WebUiResultError } from "./webui-result-error";

export interface WebUiResult {
  emotion: CanonicalLabel;
  confidence: number;
  /** All nine labels. */
  scores: Record<CanonicalLabel, number>;
  granularity: "utterance" | "frame";
  timestamp: string | null;
  /** Fields the WebUI wrote that this parser does not interpret, kept as they were. */
  extra: Record<string, unknown>;
  /** Oddities that do not stop the import, for the researcher to see (scores not summing to 1, ...). */
  warnings: string[];
}

/** Scores are a softmax, but the WebUI rounds them; beyond this the file is suspect, not wrong. */
const SUM_TOLERANCE = 0.02;
/** Floating-point slack for the 0..1 bounds of a single probability. */
const BOUND_SLACK = 1e-6;
const KNOWN_FIELDS = new Set(["emotion", "confidence", "scores", "granularity", "timestamp"]);
const LABEL_LIST = CANONICAL_LABELS.join(", ");

const scoreEntry = z.looseObject({
  label: z.string().optional(),
  emotion: z.string().optional(),
  score: z.number(),
});

const resultSchema = z.looseObject({
  emotion: z.string({ error: "must be a label name such as \"sad\" or \"难过/sad\"" }),
  confidence: z.number({ error: "must be a number between 0 and 1" }),
  scores: z.union([z.array(z.number()), z.array(scoreEntry), z.record(z.string(), z.number())], {
    error: `must be an object of numbers keyed by label, an array of 9 numbers in model order (${LABEL_LIST}), or an array of {label, score}`,
  }),
  granularity: z.enum(["utterance", "frame"], { error: 'must be "utterance" or "frame"' }),
  timestamp: z.union([z.string(), z.number(), z.null()], { error: "must be text or null" }).optional(),
});

/**
 * Reads the result.json of one emotion2vec+ WebUI run. Labels may be named in
 * any of emotion2vec's spellings. Throws WebUiResultError, naming the file and
 * field, when a required field is missing or wrong.
 */
export function parseWebUiResult(jsonText: string, displayName: string): WebUiResult {
  const fail = (message: string): never => {
    throw new WebUiResultError(displayName, `${displayName}: ${message}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(jsonText.replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new WebUiResultError(displayName, `${displayName} is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return fail("expected a JSON object");

  const parsed = resultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") ?? "";
    const missing = issue && issue.path.length > 0 && valueAt(json, issue.path) === undefined;
    return fail(`field ${field} ${missing ? "is missing" : issue?.message}`);
  }
  const data = parsed.data;

  const emotion = toCanonicalLabel(data.emotion) ?? fail(`field emotion '${data.emotion}' is not an emotion2vec+ label (${LABEL_LIST})`);
  const scores = normalizeScores(data.scores, fail);
  if (!(data.confidence >= -BOUND_SLACK && data.confidence <= 1 + BOUND_SLACK)) {
    fail(`field confidence is ${data.confidence}; it must be between 0 and 1`);
  }

  const warnings: string[] = [];
  const sum = CANONICAL_LABELS.reduce((total, label) => total + scores[label], 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) warnings.push(`the scores sum to ${sum.toFixed(3)}, not 1`);
  const top = CANONICAL_LABELS.reduce((best, label) => (scores[label] > scores[best] ? label : best));
  if (scores[top] > scores[emotion]) {
    warnings.push(`emotion is ${emotion} but the highest score is ${top} (${scores[top].toFixed(3)})`);
  }
  if (Math.abs(data.confidence - scores[emotion]) > SUM_TOLERANCE) {
    warnings.push(`confidence ${data.confidence.toFixed(3)} differs from the ${emotion} score ${scores[emotion].toFixed(3)}`);
  }

  const extra = Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN_FIELDS.has(key)));
  const timestamp = data.timestamp === undefined || data.timestamp === null ? null : String(data.timestamp);
  return { emotion, confidence: data.confidence, scores, granularity: data.granularity, timestamp, extra, warnings };
}

type RawScores = z.infer<typeof resultSchema>["scores"];

function normalizeScores(raw: RawScores, fail: (message: string) => never): Record<CanonicalLabel, number> {
  const found = new Map<CanonicalLabel, number>();
  const put = (field: string, name: string, score: number) => {
    const label = toCanonicalLabel(name) ?? fail(`field ${field} names '${name}', which is not an emotion2vec+ label (${LABEL_LIST})`);
    if (found.has(label)) fail(`field ${field} gives a second score for ${label}`);
    found.set(label, score);
  };

  if (Array.isArray(raw)) {
    if (raw.every((item) => typeof item === "number")) {
      if (raw.length !== CANONICAL_LABELS.length) {
        fail(`field scores has ${raw.length} numbers; a list needs all 9 in model order (${LABEL_LIST})`);
      }
      raw.forEach((score, index) => found.set(CANONICAL_LABELS[index] ?? "unknown", score));
    } else {
      raw.forEach((item, index) => {
        if (typeof item === "number") return fail(`field scores[${index}] is a number among {label, score} entries`);
        const name = item.label ?? item.emotion ?? fail(`field scores[${index}].label is missing`);
        put(`scores[${index}]`, name, item.score);
      });
    }
  } else {
    for (const [name, score] of Object.entries(raw)) put(`scores.${name}`, name, score);
  }

  const scores = {} as Record<CanonicalLabel, number>;
  for (const label of CANONICAL_LABELS) {
    const score = found.get(label);
    if (score === undefined) return fail(`field scores.${label} is missing`);
    if (!Number.isFinite(score) || score < -BOUND_SLACK || score > 1 + BOUND_SLACK) {
      fail(`field scores.${label} is ${score}; scores must be between 0 and 1`);
    }
    scores[label] = Math.min(1, Math.max(0, score));
  }
  return scores;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

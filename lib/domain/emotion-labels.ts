import { ArrayShapeError } from "./array-shape-error";

/**
 * The nine emotion2vec+ labels in model order (the order of its output
 * logits). The WebUI and emotion2vec itself name them bilingually
 * ("生气/angry"), English only, or, for unknown, "<unk>".
 */
export const CANONICAL_LABELS = [
  "angry",
  "disgusted",
  "fearful",
  "happy",
  "neutral",
  "other",
  "sad",
  "surprised",
  "unknown",
] as const;

export type CanonicalLabel = (typeof CANONICAL_LABELS)[number];

/** Position of each label in CANONICAL_LABELS (and in every nine-score array). */
export const CANONICAL_INDEX: Readonly<Record<CanonicalLabel, number>> = Object.freeze(
  Object.fromEntries(CANONICAL_LABELS.map((label, index) => [label, index])) as Record<CanonicalLabel, number>,
);

const LABEL_LIST = CANONICAL_LABELS.join(", ");

const CHINESE_NAMES: Readonly<Record<string, CanonicalLabel>> = {
  生气: "angry",
  厌恶: "disgusted",
  恐惧: "fearful",
  开心: "happy",
  中立: "neutral",
  其他: "other",
  难过: "sad",
  吃惊: "surprised",
};

/** "生气/angry", "angry", "Angry", "生气", "<unk>" → canonical label; null when it names none or its two halves disagree. */
export function toCanonicalLabel(name: string): CanonicalLabel | null {
  const text = name.trim();
  if (text === "<unk>" || text.toLowerCase() === "unk") return "unknown";
  const parts = text.split("/").map((part) => part.trim());
  if (parts.length > 2) return null;
  const english = fromEnglish(parts[parts.length - 1] ?? "");
  const chinese = parts.length === 2 || english === null ? fromChinese(parts[0] ?? "") : null;
  if (parts.length === 2) return english !== null && (chinese === null || chinese === english) ? english : null;
  return english ?? chinese;
}

export type LabelMappingResult = { ok: true; toCanonical: (CanonicalLabel | null)[] } | { ok: false; problems: string[] };

/**
 * Resolves a model's own labels (manifest `labels`, in output order) to the
 * canonical nine. A label listed in `mapping` goes to its target, which must be
 * a canonical name exactly or null ("no canonical counterpart"); any other
 * label must itself name a canonical label in one of emotion2vec's spellings
 * (toCanonicalLabel). Several model labels may map to one canonical label;
 * their scores are summed (toCanonicalScores). Every problem is reported at
 * once, so a manifest author can fix them in one pass.
 */
export function resolveLabelMapping(labels: readonly string[], mapping: Readonly<Record<string, string | null>> = {}): LabelMappingResult {
  const problems: string[] = [];
  if (labels.length === 0) problems.push("labels is empty; list the model's output labels in output order");
  const seen = new Set<string>();
  const toCanonical = labels.map((label, index): CanonicalLabel | null => {
    if (seen.has(label)) problems.push(`labels[${index}] '${label}' appears more than once`);
    seen.add(label);
    if (Object.hasOwn(mapping, label)) {
      const target = mapping[label] ?? null;
      if (target === null) return null;
      if (isCanonicalLabel(target)) return target;
      problems.push(`labelMapping maps '${label}' to '${target}', which is not one of ${LABEL_LIST} (or null)`);
      return null;
    }
    const canonical = toCanonicalLabel(label);
    if (canonical === null) problems.push(`labels[${index}] '${label}' is not a canonical label; map it in labelMapping to one of ${LABEL_LIST} or to null`);
    return canonical;
  });
  for (const key of Object.keys(mapping)) {
    // A key that names no label is almost always a typo that would silently leave a label unmapped.
    if (!seen.has(key)) problems.push(`labelMapping has '${key}', which is not among the labels`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, toCanonical };
}

/**
 * One row of model scores → the nine canonical scores (canonical order). Model
 * labels that map to the same canonical label add up; canonical labels no
 * model label maps to get 0; labels mapped to null are dropped, so the result
 * may sum to less than 1.
 */
export function toCanonicalScores(scores: ArrayLike<number>, toCanonical: readonly (CanonicalLabel | null)[]): number[] {
  if (scores.length !== toCanonical.length) {
    throw new ArrayShapeError(`toCanonicalScores: ${scores.length} scores for ${toCanonical.length} model labels`);
  }
  const result = new Array<number>(CANONICAL_LABELS.length).fill(0);
  for (let index = 0; index < toCanonical.length; index++) {
    const label = toCanonical[index];
    if (label !== null && label !== undefined) result[CANONICAL_INDEX[label]]! += scores[index]!;
  }
  return result;
}

export function isCanonicalLabel(name: string): name is CanonicalLabel {
  return Object.hasOwn(CANONICAL_INDEX, name);
}

function fromEnglish(word: string): CanonicalLabel | null {
  const lower = word.toLowerCase();
  return isCanonicalLabel(lower) ? lower : null;
}

function fromChinese(word: string): CanonicalLabel | null {
  return Object.hasOwn(CHINESE_NAMES, word) ? (CHINESE_NAMES[word] ?? null) : null;
}

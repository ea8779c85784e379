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

function fromEnglish(word: string): CanonicalLabel | null {
  const lower = word.toLowerCase();
  return (CANONICAL_LABELS as readonly string[]).includes(lower) ? (lower as CanonicalLabel) : null;
}

function fromChinese(word: string): CanonicalLabel | null {
  return Object.hasOwn(CHINESE_NAMES, word) ? (CHINESE_NAMES[word] ?? null) : null;
}

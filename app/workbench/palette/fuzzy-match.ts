/**
 * Matching for the palette, quick open and the shortcuts filter: every word
 * of the query as a substring (any order) ranks first, word starts and
 * prefixes above the middle of a word; failing that, the query's letters in
 * order ("spr" finds "Split Right") rank below. The ranges say which
 * characters to highlight.
 */

export type MatchRange = readonly [start: number, end: number];

export interface FuzzyMatch {
  /** Higher is better; only comparable between matches of the same query. */
  score: number;
  /** Sorted, non-overlapping [start, end) character ranges of `text` that matched. */
  ranges: readonly MatchRange[];
}

const SUBSTRING_BASE = 1000;

export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const needle = query.trim().toLowerCase();
  if (needle === "") return { score: 0, ranges: [] };
  const haystack = text.toLowerCase();
  return substringMatch(needle, text, haystack) ?? subsequenceMatch(needle.replace(/\s+/g, ""), text, haystack);
}

function substringMatch(needle: string, text: string, haystack: string): FuzzyMatch | null {
  const ranges: MatchRange[] = [];
  let score = SUBSTRING_BASE;
  for (const word of needle.split(/\s+/)) {
    const index = bestIndexOf(haystack, text, word);
    if (index < 0) return null;
    ranges.push([index, index + word.length]);
    score += (isWordStart(text, index) ? 60 : 0) - Math.min(index, 50);
  }
  if (haystack.startsWith(needle)) score += 200;
  else if (haystack.includes(needle)) score += 100;
  // Shorter texts with the same match are the more specific answer.
  score -= Math.min(text.length, 200) / 10;
  return { score, ranges: mergeRanges(ranges) };
}

/** The first occurrence at a word start, else the first occurrence. */
function bestIndexOf(haystack: string, text: string, word: string): number {
  let first = -1;
  for (let index = haystack.indexOf(word); index >= 0; index = haystack.indexOf(word, index + 1)) {
    if (first < 0) first = index;
    if (isWordStart(text, index)) return index;
  }
  return first;
}

function subsequenceMatch(needle: string, text: string, haystack: string): FuzzyMatch | null {
  if (needle === "") return null;
  const ranges: MatchRange[] = [];
  let score = 0;
  let from = 0;
  for (const character of needle) {
    const index = nextPreferringWordStart(haystack, text, character, from);
    if (index < 0) return null;
    score += isWordStart(text, index) ? 8 : 1;
    if (index > from) score -= 1;
    ranges.push([index, index + 1]);
    from = index + 1;
  }
  // Always below any substring match.
  return { score: Math.min(score, SUBSTRING_BASE / 2), ranges: mergeRanges(ranges) };
}

/** The next occurrence, unless a word-start occurrence comes before the next word boundary after it. */
function nextPreferringWordStart(haystack: string, text: string, character: string, from: number): number {
  const next = haystack.indexOf(character, from);
  if (next < 0 || isWordStart(text, next) || next === from) return next;
  for (let index = next + 1; index < haystack.length; index += 1) {
    if (haystack[index] === character && isWordStart(text, index)) return index;
  }
  return next;
}

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const previous = text[index - 1] ?? "";
  const current = text[index] ?? "";
  if (!/[\p{L}\p{N}]/u.test(previous)) return true;
  return /\p{Ll}/u.test(previous) && /\p{Lu}/u.test(current);
}

export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Splits text into plain and matched pieces for rendering with <mark>. */
export function highlightPieces(text: string, ranges: readonly MatchRange[]): { text: string; matched: boolean }[] {
  const pieces: { text: string; matched: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), matched: false });
    if (end > start) pieces.push({ text: text.slice(start, end), matched: true });
    at = Math.max(at, end);
  }
  if (at < text.length) pieces.push({ text: text.slice(at), matched: false });
  return pieces;
}

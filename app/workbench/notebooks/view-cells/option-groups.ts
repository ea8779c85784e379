/**
 * The settings form's choices (cohorts, patients) as the side bar shows
 * them: grouped under their corpus, corpora and entries in name order, each
 * entry once however many places it was found in.
 */

export interface CorpusGroup<T> {
  corpusId: string;
  corpusName: string;
  entries: T[];
}

const NAME_ORDER = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function groupByCorpus<T extends { id: string; corpusId: string; corpusName: string }>(items: readonly T[], nameOf: (item: T) => string): CorpusGroup<T>[] {
  const groups = new Map<string, CorpusGroup<T>>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const group = groups.get(item.corpusId);
    if (group) group.entries.push(item);
    else groups.set(item.corpusId, { corpusId: item.corpusId, corpusName: item.corpusName, entries: [item] });
  }
  const sorted = [...groups.values()].sort((a, b) => NAME_ORDER.compare(a.corpusName, b.corpusName) || a.corpusId.localeCompare(b.corpusId));
  for (const group of sorted) group.entries.sort((a, b) => NAME_ORDER.compare(nameOf(a), nameOf(b)) || a.id.localeCompare(b.id));
  return sorted;
}

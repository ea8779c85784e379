import { formatDuration } from "../format-duration";
import type { SearchField, SearchHit, SearchMatch } from "./search-types";

/** The words a search result shows, out of the components so quick open and the Search view agree. */

const FIELD_TITLES: Readonly<Record<SearchField, string>> = {
  name: "name",
  patient: "patient",
  cohort: "cohort",
  session: "session",
  label: "label",
  note: "note",
  metadata: "metadata",
};

/** "Demo study · P-014 · S2 · 0:42". */
export function hitDescription(hit: SearchHit): string {
  return [hit.corpusName, hit.patientCode, hit.sessionCode, formatDuration(hit.durationSeconds)].filter((part) => part).join(" · ");
}

/** "interview.wav", or "interview.wav · ch 2" for one channel of a split file. */
export function hitTitle(hit: Pick<SearchHit, "name" | "trackIndex">): string {
  return hit.trackIndex >= 0 ? `${hit.name} · ch ${hit.trackIndex + 1}` : hit.name;
}

/** The first match that is not the name itself (the name is shown anyway), as "patient: P-014". */
export function hitMatchText(hit: Pick<SearchHit, "matches">): string | null {
  const match: SearchMatch | undefined = hit.matches.find((candidate) => candidate.field !== "name");
  if (!match) return null;
  return `${FIELD_TITLES[match.field]}: ${match.text}`;
}

import type { RecordingAnnotations } from "../export-item";
import { AnnotationExportError } from "./annotation-export-error";
import { annotationTiers } from "./interval-layers";
import { xmlEscape } from "./xml-text";

const MILLISECONDS = 1000;
const LINGUISTIC_TYPE = "emotion";
const VOCABULARY = "emotion-labels";
/** ELAN's own definition of English, which the schema requires each CV value to name. */
const LANGUAGE = '<LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138502-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>';

/**
 * The EAF 3.0 schema requires DATE (xsd:dateTime) on the document, so it
 * cannot be left out; a clock reading would make two exports of the same
 * labels differ. The caller passes a time that belongs to the input (the
 * export snapshot's), or gets this fixed one.
 */
export const EAF_DEFAULT_DATE = "1970-01-01T00:00:00Z";

export interface EafOptions {
  /** The audio file's name as it will sit next to the .eaf (ELAN resolves it relative to the .eaf). */
  readonly audioFileName: string;
  /** xsd:dateTime for the document's DATE; EAF_DEFAULT_DATE when absent. */
  readonly date?: string;
}

const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * One recording's labels as an ELAN 3.0 document: tiers "human" (plus "human
 * 2", … for overlapping labels, as in the TextGrid) and "model" (its
 * ANNOTATOR is the model's name), all of one linguistic type whose
 * controlled vocabulary is `labels`, in that order; each annotation's
 * CVE_REF points at its entry. Times are whole milliseconds. Each annotation
 * gets its own two time slots, as ELAN itself writes them: shared slots would
 * tie boundaries on different tiers together when someone drags one in ELAN.
 */
export function eaf(annotations: RecordingAnnotations, labels: readonly string[], options: EafOptions): string {
  const date = options.date ?? EAF_DEFAULT_DATE;
  if (!DATE_TIME.test(date)) throw new AnnotationExportError(`cannot write the EAF of ${annotations.recordingName}: date "${date}" is not an xsd:dateTime like 2024-05-01T09:30:00Z`);
  const vocabulary = checkedVocabulary(labels, annotations.recordingName);
  const tiers = annotationTiers(annotations, MILLISECONDS);
  const unknown = [...new Set(tiers.flatMap((tier) => tier.intervals.map((interval) => interval.label)).filter((label) => !vocabulary.has(label)))].sort();
  if (unknown.length > 0) {
    throw new AnnotationExportError(
      `cannot write the EAF of ${annotations.recordingName}: label${unknown.length > 1 ? "s" : ""} ${unknown.map((label) => `"${label}"`).join(", ")} not in the controlled vocabulary (${[...vocabulary.keys()].join(", ")})`,
    );
  }

  // Each annotation gets its own two slots; ids follow TIME_ORDER, which lists slots by time (equal times in the order written).
  const slotTimes: number[] = [];
  const tierAnnotations = tiers.map((tier) =>
    tier.intervals.map((interval) => {
      slotTimes.push(Math.round(interval.start * MILLISECONDS), Math.round(interval.end * MILLISECONDS));
      return { label: interval.label, from: slotTimes.length - 2, to: slotTimes.length - 1 };
    }),
  );
  const byTime = slotTimes.map((ms, index) => ({ ms, index })).sort((a, b) => a.ms - b.ms || a.index - b.index);
  const slotIds = new Array<string>(slotTimes.length);
  for (const [rank, slot] of byTime.entries()) slotIds[slot.index] = `ts${rank + 1}`;

  let annotationCount = 0;
  const tierXml = tiers.map((tier, tierIndex) => {
    const annotator = tier.source === "model" && annotations.modelName !== null ? ` ANNOTATOR="${xmlEscape(annotations.modelName, "the model name")}"` : "";
    const open = `    <TIER${annotator} LINGUISTIC_TYPE_REF="${LINGUISTIC_TYPE}" TIER_ID="${xmlEscape(tier.name, "a tier name")}"`;
    const entries = tierAnnotations[tierIndex]!;
    if (entries.length === 0) return `${open}/>`;
    const body = entries.map((entry) => {
      annotationCount++;
      return [
        "        <ANNOTATION>",
        `            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a${annotationCount}" CVE_REF="${vocabulary.get(entry.label)}" TIME_SLOT_REF1="${slotIds[entry.from]}" TIME_SLOT_REF2="${slotIds[entry.to]}">`,
        `                <ANNOTATION_VALUE>${xmlEscape(entry.label, `label "${entry.label}"`)}</ANNOTATION_VALUE>`,
        "            </ALIGNABLE_ANNOTATION>",
        "        </ANNOTATION>",
      ].join("\n");
    });
    return [`${open}>`, ...body, "    </TIER>"].join("\n");
  });

  const mediaUrl = relativeUrl(options.audioFileName);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ANNOTATION_DOCUMENT AUTHOR="" DATE="${date}" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">`,
    '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">',
    `        <MEDIA_DESCRIPTOR MEDIA_URL="${mediaUrl}" MIME_TYPE="${mimeType(options.audioFileName)}" RELATIVE_MEDIA_URL="${mediaUrl}"/>`,
    `        <PROPERTY NAME="lastUsedAnnotationId">${annotationCount}</PROPERTY>`,
    "    </HEADER>",
    ...(byTime.length === 0
      ? ["    <TIME_ORDER/>"]
      : ["    <TIME_ORDER>", ...byTime.map((slot, rank) => `        <TIME_SLOT TIME_SLOT_ID="ts${rank + 1}" TIME_VALUE="${slot.ms}"/>`), "    </TIME_ORDER>"]),
    ...tierXml,
    `    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="${VOCABULARY}" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="${LINGUISTIC_TYPE}" TIME_ALIGNABLE="true"/>`,
    `    ${LANGUAGE}`,
    `    <CONTROLLED_VOCABULARY CV_ID="${VOCABULARY}">`,
    ...[...vocabulary].map(
      ([label, id]) => `        <CV_ENTRY_ML CVE_ID="${id}">\n            <CVE_VALUE LANG_REF="eng">${xmlEscape(label, `label "${label}"`)}</CVE_VALUE>\n        </CV_ENTRY_ML>`,
    ),
    "    </CONTROLLED_VOCABULARY>",
    "</ANNOTATION_DOCUMENT>",
  ];
  return lines.join("\n") + "\n";
}

/** Label → CVE_ID, in the caller's order, duplicates dropped. */
function checkedVocabulary(labels: readonly string[], recordingName: string): Map<string, string> {
  const vocabulary = new Map<string, string>();
  for (const label of labels) {
    if (label.trim() === "") throw new AnnotationExportError(`cannot write the EAF of ${recordingName}: the controlled vocabulary has an empty label`);
    if (!vocabulary.has(label)) vocabulary.set(label, `cve-${vocabulary.size + 1}`);
  }
  if (vocabulary.size === 0) throw new AnnotationExportError(`cannot write the EAF of ${recordingName}: the controlled vocabulary is empty`);
  return vocabulary;
}

/** "./name" with each path segment percent-encoded, so spaces and non-ASCII names make a valid xsd:anyURI. */
function relativeUrl(fileName: string): string {
  return `./${fileName.split("/").map(encodeURIComponent).join("/")}`;
}

/** ELAN's own media types: audio/x-wav for WAV, audio/* for any other audio. */
function mimeType(fileName: string): string {
  return /\.wav$/i.test(fileName) ? "audio/x-wav" : "audio/*";
}

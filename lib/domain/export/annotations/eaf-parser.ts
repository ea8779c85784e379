import { AnnotationParseError } from "./annotation-parse-error";
import { checkedAnnotationText } from "./annotation-file-text";
import { parseXml, type XmlElement } from "./xml-reader";

export interface EafAnnotation {
  /** Seconds from the start of the media. */
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface EafTier {
  readonly id: string;
  readonly parentId: string | null;
  readonly annotator: string | null;
  readonly linguisticType: string;
  /** Sorted by start, then end. */
  readonly annotations: readonly EafAnnotation[];
}

export interface ParsedEaf {
  /** Each MEDIA_DESCRIPTOR's RELATIVE_MEDIA_URL, or its MEDIA_URL when it has none. */
  readonly mediaUrls: readonly string[];
  readonly tiers: readonly EafTier[];
}

/**
 * Reads an ELAN .eaf document (any 2.x or 3.0 version: the parts read here
 * have not changed). Alignable annotations take their times from their time
 * slots; a slot without a TIME_VALUE (ELAN leaves those on subdivided tiers)
 * is placed evenly between its aligned neighbours in TIME_ORDER, as ELAN
 * shows it. Reference annotations take the times of the annotation they
 * refer to. Refuses malformed XML and broken references, naming the line.
 */
export function parseEaf(xml: string, fileName: string): ParsedEaf {
  function fail(line: number, problem: string): never {
    throw new AnnotationParseError("EAF_INVALID", `cannot read ${fileName}: line ${line}: ${problem}`);
  }
  const root = parseXml(checkedAnnotationText(xml, fileName), fail);
  if (root.name !== "ANNOTATION_DOCUMENT") fail(root.line, `the root element is <${root.name}>, not <ANNOTATION_DOCUMENT>; this is not an ELAN file`);
  const required = (element: XmlElement, attribute: string): string => {
    const value = element.attributes.get(attribute);
    return value ?? fail(element.line, `<${element.name}> has no ${attribute} attribute`);
  };

  const header = root.children.find((child) => child.name === "HEADER");
  const units = header?.attributes.get("TIME_UNITS") ?? "milliseconds";
  if (header && units !== "milliseconds") fail(header.line, `TIME_UNITS is "${units}"; only milliseconds are supported`);
  const mediaUrls = (header?.children ?? [])
    .filter((child) => child.name === "MEDIA_DESCRIPTOR")
    .map((media) => media.attributes.get("RELATIVE_MEDIA_URL") ?? required(media, "MEDIA_URL"));

  const timeOrders = root.children.filter((child) => child.name === "TIME_ORDER");
  if (timeOrders.length !== 1) fail(timeOrders[1]?.line ?? root.line, `an ELAN document has exactly one <TIME_ORDER>, this one has ${timeOrders.length}`);
  const slotTimes = readTimeSlots(timeOrders[0]!, required, fail);

  // First pass: alignable annotations get times; reference annotations wait for theirs.
  const times = new Map<string, { start: number; end: number }>();
  const pending: { id: string; ref: string; line: number }[] = [];
  const tierIds = new Set<string>();
  const annotationIds = new Set<string>();
  const rawTiers = root.children
    .filter((child) => child.name === "TIER")
    .map((tier) => {
      const id = required(tier, "TIER_ID");
      if (tierIds.has(id)) fail(tier.line, `there are two tiers with TIER_ID "${id}"`);
      tierIds.add(id);
      const annotations = tier.children
        .filter((child) => child.name === "ANNOTATION")
        .map((wrapper) => {
          const inner = wrapper.children.filter((child) => child.name === "ALIGNABLE_ANNOTATION" || child.name === "REF_ANNOTATION");
          if (inner.length !== 1) fail(wrapper.line, "<ANNOTATION> must hold exactly one ALIGNABLE_ANNOTATION or REF_ANNOTATION");
          const annotation = inner[0]!;
          const annotationId = required(annotation, "ANNOTATION_ID");
          if (annotationIds.has(annotationId)) fail(annotation.line, `ANNOTATION_ID "${annotationId}" is used twice`);
          annotationIds.add(annotationId);
          const valueElement = annotation.children.find((child) => child.name === "ANNOTATION_VALUE");
          if (!valueElement) fail(annotation.line, `annotation ${annotationId} has no <ANNOTATION_VALUE>`);
          if (annotation.name === "ALIGNABLE_ANNOTATION") {
            const slotTime = (attribute: string): number => {
              const slot = required(annotation, attribute);
              const time = slotTimes.get(slot);
              return time ?? fail(annotation.line, `annotation ${annotationId} refers to time slot "${slot}", which TIME_ORDER does not define`);
            };
            const start = slotTime("TIME_SLOT_REF1");
            const end = slotTime("TIME_SLOT_REF2");
            if (end < start) fail(annotation.line, `annotation ${annotationId} ends (${end} ms) before it starts (${start} ms)`);
            times.set(annotationId, { start, end });
          } else {
            pending.push({ id: annotationId, ref: required(annotation, "ANNOTATION_REF"), line: annotation.line });
          }
          return { id: annotationId, value: valueElement.text };
        });
      return {
        id,
        parentId: tier.attributes.get("PARENT_REF") ?? null,
        annotator: tier.attributes.get("ANNOTATOR") ?? null,
        linguisticType: required(tier, "LINGUISTIC_TYPE_REF"),
        line: tier.line,
        annotations,
      };
    });

  resolveReferences(times, pending, fail);
  for (const tier of rawTiers) {
    if (tier.parentId !== null && !tierIds.has(tier.parentId)) fail(tier.line, `tier "${tier.id}" has PARENT_REF "${tier.parentId}", which is no tier`);
  }
  const tiers: EafTier[] = rawTiers.map((tier) => ({
    id: tier.id,
    parentId: tier.parentId,
    annotator: tier.annotator,
    linguisticType: tier.linguisticType,
    annotations: tier.annotations
      .map((annotation) => {
        const time = times.get(annotation.id)!;
        return { start: time.start / 1000, end: time.end / 1000, value: annotation.value };
      })
      .sort((a, b) => a.start - b.start || a.end - b.end),
  }));
  return { mediaUrls, tiers };
}

type Fail = (line: number, problem: string) => never;

/** Slot id → milliseconds, unaligned slots placed evenly between their aligned neighbours. */
function readTimeSlots(timeOrder: XmlElement, required: (element: XmlElement, attribute: string) => string, fail: Fail): Map<string, number> {
  const slots = timeOrder.children
    .filter((child) => child.name === "TIME_SLOT")
    .map((slot) => {
      const id = required(slot, "TIME_SLOT_ID");
      const raw = slot.attributes.get("TIME_VALUE");
      if (raw !== undefined && !/^\d+$/.test(raw.trim())) fail(slot.line, `time slot ${id} has TIME_VALUE "${raw}", not a whole number of milliseconds`);
      return { id, value: raw === undefined ? null : Number(raw.trim()), line: slot.line };
    });
  const result = new Map<string, number>();
  slots.forEach((slot, index) => {
    if (result.has(slot.id)) fail(slot.line, `time slot id "${slot.id}" is used twice`);
    if (slot.value !== null) {
      result.set(slot.id, slot.value);
      return;
    }
    let previous = index - 1;
    while (previous >= 0 && slots[previous]!.value === null) previous--;
    let next = index + 1;
    while (next < slots.length && slots[next]!.value === null) next++;
    const from = previous >= 0 ? slots[previous]!.value! : 0;
    const to = next < slots.length ? slots[next]!.value! : from;
    result.set(slot.id, from + ((to - from) * (index - previous)) / (next - previous));
  });
  return result;
}

/** Gives each reference annotation the times of the annotation it refers to, following chains; refuses dangling and circular references. */
function resolveReferences(times: Map<string, { start: number; end: number }>, pending: { id: string; ref: string; line: number }[], fail: Fail): void {
  const ids = new Set(pending.map((entry) => entry.id));
  let unresolved = pending;
  while (unresolved.length > 0) {
    const next = unresolved.filter((entry) => {
      const parent = times.get(entry.ref);
      if (parent) {
        times.set(entry.id, parent);
        return false;
      }
      if (!ids.has(entry.ref)) fail(entry.line, `annotation ${entry.id} refers to annotation "${entry.ref}", which does not exist`);
      return true;
    });
    if (next.length === unresolved.length) fail(next[0]!.line, `annotation ${next[0]!.id} is part of a circle of reference annotations`);
    unresolved = next;
  }
}

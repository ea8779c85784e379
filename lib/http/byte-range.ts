/**
 * HTTP Range requests (RFC 9110 §14) for one representation of `size` bytes.
 * Pure: the file-serving code turns the answer into status and headers.
 *
 * Only one range is ever served. A request for several ranges gets the whole
 * representation (200): the RFC lets a server ignore Range, every client
 * handles a 200, and media elements never ask for more than one range.
 */
export type ByteRangeAnswer =
  /** No usable Range header (absent, another unit, malformed, several ranges, stale If-Range): send everything. */
  | { kind: "whole" }
  /** Send bytes start..end inclusive with 206. */
  | { kind: "partial"; start: number; end: number }
  /** Every range lies past the end: 416. */
  | { kind: "unsatisfiable" };

const RANGE_SPEC = /^(\d*)-(\d*)$/;

export function parseByteRange(header: string | null | undefined, size: number): ByteRangeAnswer {
  if (header === null || header === undefined) return { kind: "whole" };
  const equals = header.indexOf("=");
  if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== "bytes") return { kind: "whole" };
  const specs = header
    .slice(equals + 1)
    .split(",")
    .map((spec) => spec.trim())
    // The RFC's list syntax allows empty elements ("bytes=0-1,,").
    .filter((spec) => spec !== "");
  if (specs.length !== 1) return { kind: "whole" };
  const match = RANGE_SPEC.exec(specs[0]!);
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;

  if (first === "") {
    if (last === "") return { kind: "whole" };
    // Suffix range: the last n bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" };
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: "partial", start, end };
}

/**
 * If-Range: serve the range only when the client's copy is still current.
 * Our representations are content-addressed, so only an entity tag can match;
 * a date (or a weak tag, which If-Range may not use) means "send it all".
 */
export function rangeStillValid(ifRange: string | null | undefined, etag: string): boolean {
  if (ifRange === null || ifRange === undefined) return true;
  return ifRange.trim() === etag;
}

/** If-None-Match: true when the client already holds this entity tag (weak comparison, as the RFC asks). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (ifNoneMatch === null || ifNoneMatch === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = strip(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === wanted);
}

export function contentRangeHeader(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

export function unsatisfiedRangeHeader(size: number): string {
  return `bytes */${size}`;
}

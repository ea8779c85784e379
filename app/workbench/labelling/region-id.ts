/**
 * Ids for regions drawn in the editor. The client chooses them so an
 * optimistic region keeps its id once saved. crypto.randomUUID exists only in
 * secure contexts; a lab server reached over plain http on its LAN address is
 * not one, so fall back to getRandomValues, which exists everywhere.
 */
export function newRegionId(random: Pick<Crypto, "getRandomValues"> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof random.randomUUID === "function") return random.randomUUID();
  return uuidV4FromBytes(random.getRandomValues(new Uint8Array(16)));
}

/** RFC 9562 version 4 layout over 16 random bytes. */
export function uuidV4FromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError(`a UUID needs 16 random bytes, got ${bytes.length}`);
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

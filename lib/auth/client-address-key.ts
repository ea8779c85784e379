/**
 * The key a client address is rate-limited under. One person with IPv6 usually
 * holds a whole /64 and can pick any address in it, so IPv6 is keyed by its
 * first 64 bits; an IPv4-mapped IPv6 address (what a dual-stack server reports
 * for IPv4 clients) is keyed as the IPv4 address it carries. Anything that is
 * not an IP address is keyed as written, trimmed and lowercased.
 */
export function clientAddressKey(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const groups = ipv6Groups(trimmed.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, ""));
  if (!groups) return trimmed;
  const isIpv4Mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isIpv4Mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, or null when `text` is not one. */
function ipv6Groups(text: string): number[] | null {
  if (!text.includes(":")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

function parseGroups(text: string): number[] | null {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    // The last part may be a dotted IPv4 address: ::ffff:192.0.2.1.
    if (index === parts.length - 1 && part.includes(".")) {
      const octets = ipv4Octets(part);
      if (!octets) return null;
      groups.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    } else if (/^[0-9a-f]{1,4}$/.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function ipv4Octets(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) return null;
  return parts.map(Number);
}

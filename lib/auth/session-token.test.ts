import { describe, expect, it } from "vitest";
import {
  DEFAULT_SESSION_POLICY,
  hashSessionToken,
  isWellFormedSessionToken,
  newSessionToken,
  type SessionTimes,
  sessionState,
  slidingExpiry,
} from "./session-token";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy = { idleTimeoutMs: 30 * MINUTE, absoluteTimeoutMs: 8 * HOUR };
const created = new Date("2026-05-01T08:00:00Z");
const at = (offsetMs: number) => new Date(created.getTime() + offsetMs);

function session(overrides: Partial<SessionTimes> = {}): SessionTimes {
  return { createdAt: created, lastSeenAt: created, expiresAt: at(policy.idleTimeoutMs), revokedAt: null, ...overrides };
}

describe("newSessionToken", () => {
  it("encodes 32 random bytes as base64url and stores only their SHA-256", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => 255 - index * 7);
    const { token, tokenHash } = newSessionToken(() => bytes);
    expect(token).toBe(Buffer.from(bytes).toString("base64url"));
    expect(token).toHaveLength(43);
    expect(isWellFormedSessionToken(token)).toBe(true);
    expect(tokenHash).toBe(hashSessionToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
  });

  it("makes a different token each time from the system's random source", () => {
    const issued = Array.from({ length: 200 }, () => newSessionToken());
    expect(new Set(issued.map((item) => item.token)).size).toBe(200);
    expect(new Set(issued.map((item) => item.tokenHash)).size).toBe(200);
    for (const { token } of issued) expect(isWellFormedSessionToken(token)).toBe(true);
  });
});

describe("hashSessionToken", () => {
  it("is the SHA-256 of the token's UTF-8 bytes in hex", () => {
    // echo -n abc | sha256sum
    expect(hashSessionToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("isWellFormedSessionToken", () => {
  it("refuses anything that is not 43 base64url characters", () => {
    const token = "A".repeat(43);
    expect(isWellFormedSessionToken(token)).toBe(true);
    expect(isWellFormedSessionToken(token.slice(1))).toBe(false);
    expect(isWellFormedSessionToken(`${token}A`)).toBe(false);
    expect(isWellFormedSessionToken(`${token.slice(1)}+`)).toBe(false);
    expect(isWellFormedSessionToken(`${token.slice(1)}=`)).toBe(false);
    // An API token secret is not a session token.
    expect(isWellFormedSessionToken(`rsn_${token}`)).toBe(false);
    expect(isWellFormedSessionToken("")).toBe(false);
  });
});

describe("sessionState", () => {
  it("is active while seen recently and within its lifetime", () => {
    expect(sessionState(session(), created, policy)).toBe("active");
    expect(sessionState(session(), at(29 * MINUTE), policy)).toBe("active");
    const busy = session({ lastSeenAt: at(7 * HOUR), expiresAt: at(7 * HOUR + 30 * MINUTE) });
    expect(sessionState(busy, at(7 * HOUR + 20 * MINUTE), policy)).toBe("active");
  });

  it("is idle from the idle timeout after it was last seen", () => {
    expect(sessionState(session(), at(30 * MINUTE), policy)).toBe("idle");
    const later = session({ lastSeenAt: at(2 * HOUR), expiresAt: at(2 * HOUR + 30 * MINUTE) });
    expect(sessionState(later, at(2 * HOUR + 30 * MINUTE - 1), policy)).toBe("active");
    expect(sessionState(later, at(2 * HOUR + 30 * MINUTE), policy)).toBe("idle");
  });

  it("is expired at the absolute lifetime, however recently it was seen", () => {
    const busy = session({ lastSeenAt: at(8 * HOUR - MINUTE), expiresAt: at(8 * HOUR) });
    expect(sessionState(busy, at(8 * HOUR - 1), policy)).toBe("active");
    expect(sessionState(busy, at(8 * HOUR), policy)).toBe("expired");
    // Still expired, not idle, long afterwards.
    expect(sessionState(busy, at(20 * HOUR), policy)).toBe("expired");
  });

  it("is expired at a stored expiry earlier than the policy's limits", () => {
    const cut = session({ expiresAt: at(10 * MINUTE) });
    expect(sessionState(cut, at(10 * MINUTE - 1), policy)).toBe("active");
    expect(sessionState(cut, at(10 * MINUTE), policy)).toBe("expired");
  });

  it("is revoked once revoked, even when it has also expired", () => {
    expect(sessionState(session({ revokedAt: at(MINUTE) }), at(2 * MINUTE), policy)).toBe("revoked");
    expect(sessionState(session({ revokedAt: at(MINUTE) }), at(20 * HOUR), policy)).toBe("revoked");
  });

  it("refuses a policy without positive timeouts", () => {
    expect(() => sessionState(session(), created, { idleTimeoutMs: 0, absoluteTimeoutMs: HOUR })).toThrow(RangeError);
    expect(() => sessionState(session(), created, { idleTimeoutMs: HOUR, absoluteTimeoutMs: Number.NaN })).toThrow(RangeError);
  });
});

describe("slidingExpiry", () => {
  it("moves the expiry to the idle timeout from now", () => {
    expect(slidingExpiry(session(), created, policy)).toEqual(at(30 * MINUTE));
    expect(slidingExpiry(session(), at(3 * HOUR), policy)).toEqual(at(3 * HOUR + 30 * MINUTE));
  });

  it("never moves it past the absolute lifetime", () => {
    expect(slidingExpiry(session(), at(7 * HOUR + 45 * MINUTE), policy)).toEqual(at(8 * HOUR));
    expect(slidingExpiry(session(), at(9 * HOUR), policy)).toEqual(at(8 * HOUR));
  });

  it("keeps a session that is used regularly active until the absolute lifetime", () => {
    let current = session();
    for (let minute = 20; minute < 8 * 60; minute += 20) {
      const now = at(minute * MINUTE);
      expect(sessionState(current, now, policy)).toBe("active");
      current = { ...current, lastSeenAt: now, expiresAt: slidingExpiry(current, now, policy) };
    }
    expect(sessionState(current, at(8 * HOUR), policy)).toBe("expired");
  });

  it("has a default policy whose idle timeout is shorter than its lifetime", () => {
    expect(DEFAULT_SESSION_POLICY.idleTimeoutMs).toBeLessThan(DEFAULT_SESSION_POLICY.absoluteTimeoutMs);
    expect(slidingExpiry(session(), created, DEFAULT_SESSION_POLICY)).toEqual(at(DEFAULT_SESSION_POLICY.idleTimeoutMs));
  });
});

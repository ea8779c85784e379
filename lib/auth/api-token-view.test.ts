import { describe, expect, it } from "vitest";
import { apiTokenStatus } from "./api-token-view";

describe("apiTokenStatus", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const earlier = new Date("2026-04-01T00:00:00Z");
  const later = new Date("2026-06-01T00:00:00Z");

  it("is active without revocation or with an expiry still ahead", () => {
    expect(apiTokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiTokenStatus({ revokedAt: null, expiresAt: later }, now)).toBe("active");
  });

  it("is expired from the expiry instant on", () => {
    expect(apiTokenStatus({ revokedAt: null, expiresAt: earlier }, now)).toBe("expired");
    expect(apiTokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
  });

  it("says revoked even when the token has also expired", () => {
    expect(apiTokenStatus({ revokedAt: earlier, expiresAt: earlier }, now)).toBe("revoked");
    expect(apiTokenStatus({ revokedAt: earlier, expiresAt: null }, now)).toBe("revoked");
  });
});

import { describe, expect, it } from "vitest";
import { generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret, TOKEN_PREFIX } from "./token-secret";

describe("generateTokenSecret", () => {
  it("encodes 32 random bytes as base64url after the prefix, and hashes the whole secret", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => index * 8 + 3);
    const { secret, tokenHash } = generateTokenSecret(() => bytes);
    expect(secret).toBe(`${TOKEN_PREFIX}${Buffer.from(bytes).toString("base64url")}`);
    expect(secret).toHaveLength(4 + 43);
    expect(isWellFormedTokenSecret(secret)).toBe(true);
    expect(tokenHash).toBe(hashTokenSecret(secret));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("makes a different secret each time from the system's random source", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => generateTokenSecret().secret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(isWellFormedTokenSecret(secret)).toBe(true);
  });
});

describe("hashTokenSecret", () => {
  it("is the SHA-256 of the secret's UTF-8 bytes in hex", () => {
    // echo -n abc | sha256sum
    expect(hashTokenSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

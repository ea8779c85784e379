import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CURRENT_SCRYPT_PARAMETERS,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  PASSWORD_MAX_LENGTH,
  readHashParameters,
  verifyPassword,
} from "./password-hash";
import { PasswordPolicyError } from "./password-policy-error";

// Cheap parameters keep the suite fast; one test below uses the real default.
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = "correct horse battery staple";

function policyMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PasswordPolicyError);
    expect((error as PasswordPolicyError).code).toBe("PASSWORD_POLICY");
    return (error as PasswordPolicyError).message;
  }
  throw new Error("the password was accepted");
}

describe("hashPassword and verifyPassword", () => {
  it("round-trips with the default (OWASP) parameters and says so in the stored string", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$N=131072,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  }, 20_000);

  it("is scrypt of the password with the stored salt, so other tools can check it", async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    const [, , salt, hash] = stored.split("$");
    const expected = scryptSync(PASSWORD, Buffer.from(salt!, "base64"), 32, FAST).toString("base64").replace(/=+$/, "");
    expect(hash).toBe(expected);
  });

  it("salts every hash, so the same password never hashes the same twice", async () => {
    const first = await hashPassword(PASSWORD, FAST);
    const second = await hashPassword(PASSWORD, FAST);
    expect(first).not.toBe(second);
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(PASSWORD, second)).toBe(true);
  });

  it("refuses a wrong password, including one differing only in case or a trailing space", async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    expect(await verifyPassword("Correct horse battery staple", stored)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("treats NFKC-equivalent passwords as the same password", async () => {
    // Full-width letters (an East Asian input method), a ligature and a decomposed accent.
    const stored = await hashPassword("Ｐａｓｓｗｏｒｄ-ﬁle-café", FAST);
    expect(await verifyPassword("Password-file-café", stored)).toBe(true);
    expect(await verifyPassword("Password-file-cafe\u0301", stored)).toBe(true);
    expect(await verifyPassword("Password-file-cafe", stored)).toBe(false);
  });

  it("answers false, never throws, for tampered or malformed stored hashes", async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    const [scheme, parameters, salt, hash] = stored.split("$") as [string, string, string, string];
    const flipped = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    const malformed = [
      [scheme, parameters, salt, flipped(hash, 5)].join("$"),
      [scheme, parameters, flipped(salt, 3), hash].join("$"),
      [scheme, "N=2048,r=8,p=1", salt, hash].join("$"),
      [scheme, parameters, salt, hash.slice(0, -4)].join("$"),
      [scheme, parameters, salt, `${hash}==`].join("$"),
      [scheme, parameters, salt, `${hash.slice(0, -1)}*`].join("$"),
      ["bcrypt", parameters, salt, hash].join("$"),
      [scheme, "N=1000,r=8,p=1", salt, hash].join("$"),
      [scheme, "N=1073741824,r=8,p=1", salt, hash].join("$"),
      [scheme, "N=1024,r=0,p=1", salt, hash].join("$"),
      [scheme, "N=1024,r=8", salt, hash].join("$"),
      [scheme, parameters, "", hash].join("$"),
      [scheme, parameters, "c2hvcnQ", hash].join("$"),
      `${stored}$extra`,
      ` ${stored}`,
      "",
      "not a hash",
    ];
    for (const value of malformed) expect(await verifyPassword(PASSWORD, value), value).toBe(false);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  it("refuses a password longer than any policy allows without throwing", async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    expect(await verifyPassword("x".repeat(PASSWORD_MAX_LENGTH + 1), stored)).toBe(false);
  });
});

describe("stored parameters", () => {
  it("verifies hashes made with other parameters, reading them from the stored string", async () => {
    for (const parameters of [FAST, { N: 2 ** 11, r: 4, p: 2 }, { N: 2 ** 9, r: 16, p: 1 }]) {
      const stored = await hashPassword(PASSWORD, parameters);
      expect(readHashParameters(stored)).toEqual(parameters);
      expect(await verifyPassword(PASSWORD, stored)).toBe(true);
      expect(await verifyPassword("a different password", stored)).toBe(false);
    }
  });

  it("asks for a rehash when any parameter is below the current ones", async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(stored, FAST)).toBe(false);
    expect(needsRehash(stored, { ...FAST, N: FAST.N * 2 })).toBe(true);
    expect(needsRehash(stored, { ...FAST, r: 9 })).toBe(true);
    expect(needsRehash(stored, { ...FAST, p: 2 })).toBe(true);
    expect(needsRehash(stored, { ...FAST, N: FAST.N / 2 })).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("asks for a rehash of a hash with a short salt or hash, made elsewhere", () => {
    const salt = Buffer.alloc(16, 7).toString("base64").replace(/=+$/, "");
    const shortHash = Buffer.alloc(16, 9).toString("base64").replace(/=+$/, "");
    const fullHash = Buffer.alloc(32, 9).toString("base64").replace(/=+$/, "");
    const { N, r, p } = CURRENT_SCRYPT_PARAMETERS;
    expect(needsRehash(`scrypt$N=${N},r=${r},p=${p}$${salt}$${shortHash}`)).toBe(true);
    expect(needsRehash(`scrypt$N=${N},r=${r},p=${p}$${salt}$${fullHash}`)).toBe(false);
  });

  it("refuses to hash with parameters scrypt cannot use", async () => {
    await expect(hashPassword(PASSWORD, { N: 1000, r: 8, p: 1 })).rejects.toThrow(RangeError);
  });
});

describe("password policy", () => {
  it("rejects passwords shorter than 12 characters with a message that states the rule", async () => {
    expect(policyMessage(() => checkPasswordPolicy("elevenchars"))).toBe("A password must be at least 12 characters long.");
    await expect(hashPassword("elevenchars", FAST)).rejects.toBeInstanceOf(PasswordPolicyError);
    expect(() => checkPasswordPolicy("twelve chars")).not.toThrow();
  });

  it("rejects passwords longer than 1024 characters", async () => {
    expect(policyMessage(() => checkPasswordPolicy("x".repeat(1025)))).toBe("A password must be at most 1024 characters long.");
    expect(() => checkPasswordPolicy("x".repeat(1024))).not.toThrow();
    await expect(hashPassword("x".repeat(1025), FAST)).rejects.toBeInstanceOf(PasswordPolicyError);
  });

  it("counts characters as people do, after NFKC normalisation", () => {
    // Eleven emoji are 22 UTF-16 code units but 11 characters.
    expect(() => checkPasswordPolicy("🔒".repeat(11))).toThrow(PasswordPolicyError);
    expect(() => checkPasswordPolicy("🔒".repeat(12))).not.toThrow();
    // One ligature character becomes three: "ﬃ" + 9 letters is 12 characters once normalised.
    expect(() => checkPasswordPolicy("ﬃabcdefghi")).not.toThrow();
  });

  it("never puts the password in the message", () => {
    expect(policyMessage(() => checkPasswordPolicy("hunter2"))).not.toContain("hunter2");
  });
});

import { describe, expect, it } from "vitest";
import { clearSessionCookie, readSessionCookie, SESSION_COOKIE_NAME, sessionCookie } from "./session-cookie";

const TOKEN = `${"Ab9_-".repeat(8)}xyz`;

function attributes(header: string): string[] {
  return header.split("; ");
}

describe("sessionCookie", () => {
  it("sets the token with HttpOnly, SameSite=Lax, Path=/ and Max-Age", () => {
    expect(TOKEN).toHaveLength(43);
    const header = sessionCookie(TOKEN, { secure: false, maxAgeSeconds: 3600 });
    expect(SESSION_COOKIE_NAME).toBe("resonance_session");
    expect(header).toBe(`resonance_session=${TOKEN}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`);
    expect(attributes(header)).not.toContain("Secure");
  });

  it("adds Secure when asked", () => {
    expect(attributes(sessionCookie(TOKEN, { secure: true, maxAgeSeconds: 60 }))).toEqual([
      `resonance_session=${TOKEN}`,
      "Path=/",
      "Max-Age=60",
      "HttpOnly",
      "SameSite=Lax",
      "Secure",
    ]);
  });

  it("writes whole seconds", () => {
    expect(sessionCookie(TOKEN, { secure: false, maxAgeSeconds: 59.9 })).toContain("; Max-Age=59;");
  });

  it("refuses something that is not a token, so nothing can be injected into the header", () => {
    expect(() => sessionCookie(`${TOKEN.slice(1)};`, { secure: true, maxAgeSeconds: 60 })).toThrow(RangeError);
    expect(() => sessionCookie(`${TOKEN}\r\nSet-Cookie: x=y`, { secure: true, maxAgeSeconds: 60 })).toThrow(RangeError);
    expect(() => sessionCookie(TOKEN, { secure: true, maxAgeSeconds: -1 })).toThrow(RangeError);
    expect(() => sessionCookie(TOKEN, { secure: true, maxAgeSeconds: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe("clearSessionCookie", () => {
  it("empties the cookie with the same attributes so the browser replaces and drops it", () => {
    expect(clearSessionCookie({ secure: false })).toBe("resonance_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    expect(clearSessionCookie({ secure: true })).toBe("resonance_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
  });
});

describe("readSessionCookie", () => {
  it("reads the token among other cookies", () => {
    expect(readSessionCookie(`resonance_session=${TOKEN}`)).toBe(TOKEN);
    expect(readSessionCookie(`theme=dark; resonance_session=${TOKEN}; lang=en`)).toBe(TOKEN);
  });

  it("tolerates odd spacing, empty pieces, pieces without a value and a quoted value", () => {
    expect(readSessionCookie(`  theme=dark ;; flag ;resonance_session = ${TOKEN} ;`)).toBe(TOKEN);
    expect(readSessionCookie(`resonance_session="${TOKEN}"`)).toBe(TOKEN);
  });

  it("skips a same-named cookie that holds no token and takes the next", () => {
    expect(readSessionCookie(`resonance_session=stale; resonance_session=${TOKEN}`)).toBe(TOKEN);
  });

  it("answers null without a header, without the cookie, or with a value that is not a token", () => {
    expect(readSessionCookie(null)).toBeNull();
    expect(readSessionCookie("")).toBeNull();
    expect(readSessionCookie("theme=dark")).toBeNull();
    expect(readSessionCookie("resonance_session=")).toBeNull();
    expect(readSessionCookie(`resonance_session=${TOKEN}x`)).toBeNull();
    expect(readSessionCookie(`Resonance_Session=${TOKEN}`)).toBeNull();
    expect(readSessionCookie(`xresonance_session=${TOKEN}`)).toBeNull();
    expect(readSessionCookie(`resonance_session_old=${TOKEN}`)).toBeNull();
    expect(readSessionCookie(`resonance_session="${TOKEN}`)).toBeNull();
  });

  it("reads back what sessionCookie writes", () => {
    const header = sessionCookie(TOKEN, { secure: true, maxAgeSeconds: 600 });
    // A browser sends back only the name=value pair.
    expect(readSessionCookie(header.split("; ")[0]!)).toBe(TOKEN);
  });
});

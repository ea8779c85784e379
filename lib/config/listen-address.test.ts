import { describe, expect, it } from "vitest";
import { isLoopbackHost, listenAddressProblem } from "./listen-address";

describe("where the server may listen", () => {
  it("knows loopback addresses in their usual spellings", () => {
    for (const host of ["127.0.0.1", "127.10.0.3", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it("treats every other address as reachable from elsewhere", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "lab-server.example.org", "127.0.0.256", "128.0.0.1", "::ffff:10.0.0.1", "127.0.0"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it("refuses a non-loopback address without accounts, naming it and the way out", () => {
    const problem = listenAddressProblem("0.0.0.0", false);
    expect(problem).toContain("HOST=0.0.0.0 would let other machines reach the workbench, and accounts are not enabled");
    expect(problem).toContain("SSH tunnel");
    expect(problem).toContain("ACCOUNTS=on");
    expect(listenAddressProblem("127.0.0.1", false)).toBeNull();
    expect(listenAddressProblem("0.0.0.0", true)).toBeNull();
  });
});

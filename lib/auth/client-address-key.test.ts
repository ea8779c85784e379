import { describe, expect, it } from "vitest";
import { clientAddressKey } from "./client-address-key";

describe("clientAddressKey", () => {
  it("keeps IPv4 addresses as they are", () => {
    expect(clientAddressKey("192.0.2.7")).toBe("192.0.2.7");
    expect(clientAddressKey(" 192.0.2.7 ")).toBe("192.0.2.7");
  });

  it("keys IPv4-mapped IPv6 as the IPv4 address, however it is written", () => {
    expect(clientAddressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientAddressKey("::FFFF:c000:0207")).toBe("192.0.2.7");
    expect(clientAddressKey("0:0:0:0:0:ffff:192.0.2.7")).toBe("192.0.2.7");
  });

  it("keys IPv6 by its /64, so addresses from one allocation share a count", () => {
    expect(clientAddressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:0DB8:0001:0002:ffff:eeee:dddd:cccc")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("[2001:db8:1:2::abcd]")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64");
    expect(clientAddressKey("2001:db8:1:3::1")).not.toBe(clientAddressKey("2001:db8:1:2::1"));
  });

  it("keys anything else as written, lowercased", () => {
    expect(clientAddressKey("Unix-Socket")).toBe("unix-socket");
    expect(clientAddressKey("1:2:3:4:5:6:7")).toBe("1:2:3:4:5:6:7");
    expect(clientAddressKey("1::2::3")).toBe("1::2::3");
    expect(clientAddressKey("::ffff:300.0.2.7")).toBe("::ffff:300.0.2.7");
    expect(clientAddressKey("12345::1")).toBe("12345::1");
    expect(clientAddressKey("1:2:3:4:5:6:7:8::")).toBe("1:2:3:4:5:6:7:8::");
  });
});

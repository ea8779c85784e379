import { describe, expect, it } from "vitest";
import { readBearerSecret } from "./bearer-token";

const SECRET = `rsn_${"A".repeat(21)}-_${"z9".repeat(10)}`;

describe("readBearerSecret", () => {
  it("reads a well-formed secret, whatever the scheme's case or the spaces before it", () => {
    expect(SECRET).toHaveLength(47);
    expect(readBearerSecret(`Bearer ${SECRET}`)).toBe(SECRET);
    expect(readBearerSecret(`bearer ${SECRET}`)).toBe(SECRET);
    expect(readBearerSecret(`BEARER   ${SECRET}  `)).toBe(SECRET);
  });

  it("refuses a missing header, another scheme, or no credential", () => {
    expect(readBearerSecret(null)).toBeNull();
    expect(readBearerSecret(undefined)).toBeNull();
    expect(readBearerSecret("")).toBeNull();
    expect(readBearerSecret(`Basic ${SECRET}`)).toBeNull();
    expect(readBearerSecret("Bearer")).toBeNull();
    expect(readBearerSecret("Bearer ")).toBeNull();
    expect(readBearerSecret(SECRET)).toBeNull();
    expect(readBearerSecret(`Bearer:${SECRET}`)).toBeNull();
  });

  it("refuses credentials that are not our secrets", () => {
    expect(readBearerSecret(`Bearer ${SECRET} extra`)).toBeNull();
    expect(readBearerSecret(`Bearer ${SECRET.slice(0, -1)}`)).toBeNull();
    expect(readBearerSecret(`Bearer ${SECRET}A`)).toBeNull();
    expect(readBearerSecret(`Bearer xyz_${SECRET.slice(4)}`)).toBeNull();
    expect(readBearerSecret(`Bearer ${SECRET.slice(0, -1)}=`)).toBeNull();
    expect(readBearerSecret(`Bearer ${SECRET.slice(0, -1)}+`)).toBeNull();
  });
});

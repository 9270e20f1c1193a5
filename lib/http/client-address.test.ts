import { describe, expect, it } from "vitest";

import { clientAddress, clientKey } from "./client-address";

const trust = (header: string, hopsFromRight = 1) => ({ header, hopsFromRight, salt: "s" });
const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("takes the entry the trusted proxy wrote, counting hops from the right", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(h, trust("x-forwarded-for"))).toBe("10.0.0.2");
    expect(clientAddress(h, trust("x-forwarded-for", 2))).toBe("198.51.100.7");
    // More hops than entries: the leftmost there is.
    expect(clientAddress(h, trust("x-forwarded-for", 9))).toBe("203.0.113.9");
  });

  it("reads only the trusted header", () => {
    const h = headers({ "x-real-ip": "192.0.2.1", "x-forwarded-for": "10.9.9.9" });
    expect(clientAddress(h, trust("x-real-ip"))).toBe("192.0.2.1");
    expect(clientAddress(headers({}), trust("x-real-ip"))).toBeNull();
  });
});

describe("clientKey", () => {
  it("puts an IPv6 /64 in one bucket, and separates /64s", () => {
    const a = clientKey("2001:db8:1:2:aaaa::1", "s");
    expect(clientKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc", "s")).toBe(a);
    expect(clientKey("[2001:db8:1:2::99]:443", "s")).toBe(a);
    expect(clientKey("2001:db8:1:3::1", "s")).not.toBe(a);
  });

  it("treats an IPv4-mapped address as the IPv4 address, ports and all", () => {
    expect(clientKey("::ffff:192.0.2.1", "s")).toBe(clientKey("192.0.2.1", "s"));
    expect(clientKey("192.0.2.1:5555", "s")).toBe(clientKey("192.0.2.1", "s"));
    expect(clientKey("192.0.2.2", "s")).not.toBe(clientKey("192.0.2.1", "s"));
  });

  it("is salted, and gives every address-less request the same key", () => {
    expect(clientKey("192.0.2.1", "one")).not.toBe(clientKey("192.0.2.1", "two"));
    expect(clientKey(null, "s")).toBe(clientKey(null, "s"));
    expect(clientKey(null, "s")).not.toBe(clientKey("192.0.2.1", "s"));
  });
});

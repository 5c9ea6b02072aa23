import { describe, expect, it } from "vitest";
import { addressBucket, addressKey } from "./throttle";

describe("per-address sign-in limit buckets", () => {
  it("counts an IPv6 client by its /64, however the address is written", () => {
    const bucket = "2001:db8:1:2::/64";
    for (const address of [
      "2001:db8:1:2::1",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:0DB8:0001:0002:0:0:0:abcd",
      "2001:db8:1:2::c000:201",
      "2001:db8:1:2::192.0.2.1",
      "fe80::1%eth0".replace("fe80::1", "2001:db8:1:2::1"),
    ])
      expect(addressBucket(address), address).toBe(bucket);
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(bucket);
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });

  it("counts IPv4 and IPv4-mapped IPv6 as the same address, and leaves anything else as it is", () => {
    expect(addressKey("::ffff:192.0.2.1")).toBe(addressKey("192.0.2.1"));
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("unknown")).toBe("unknown");
  });
});

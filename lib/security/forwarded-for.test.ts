import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/options";
import { trustForwardingHeaders } from "./forwarded-for";

describe("client-address headers the production server lets through", () => {
  it("with no trusted proxy, uses the socket address and drops what the client claimed", () => {
    const headers = {
      "x-forwarded-for": "198.51.100.7, 10.0.0.1",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=198.51.100.7",
      "x-real-ip": "198.51.100.7",
    };
    trustForwardingHeaders(headers, "203.0.113.9", 0);
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9" });
    expect(clientAddress(headers, 0)).toBe("203.0.113.9");
  });

  it("with N trusted proxies, keeps only the N entries they appended", () => {
    const headers = { "x-forwarded-for": "spoofed-1, spoofed-2, 203.0.113.9, 10.0.0.1", "x-forwarded-proto": "https" };
    trustForwardingHeaders(headers, "10.0.0.2", 2);
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9, 10.0.0.1", "x-forwarded-proto": "https" });
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
  });

  it("rotating X-Forwarded-For does not change the client address without a trusted proxy", () => {
    const seen = new Set<string>();
    for (let index = 0; index < 30; index++) {
      const headers: Record<string, string> = { "x-forwarded-for": `198.51.100.${index}` };
      trustForwardingHeaders(headers, "127.0.0.2", 0);
      seen.add(clientAddress(headers, 0));
    }
    expect([...seen]).toEqual(["127.0.0.2"]);
  });

  it("falls back to the socket when a declared proxy sent no header", () => {
    const headers: Record<string, string> = {};
    trustForwardingHeaders(headers, "10.0.0.2", 1);
    expect(headers["x-forwarded-for"]).toBe("10.0.0.2");
  });
});

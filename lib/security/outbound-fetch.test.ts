import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressKind, mayConnectTo, outboundFetch, OutboundRefusedError } from "./outbound-fetch";

describe("address kinds", () => {
  it.each([
    ["93.184.216.34", "public"],
    ["2606:4700::1111", "public"],
    ["127.0.0.1", "private"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["::1", "private"],
    ["fd00::1", "private"],
    ["::ffff:127.0.0.1", "private"],
    ["::ffff:7f00:1", "private"],
    ["169.254.169.254", "forbidden"],
    ["::ffff:169.254.169.254", "forbidden"],
    ["fe80::1", "forbidden"],
    ["0.0.0.0", "forbidden"],
    ["::", "forbidden"],
    ["224.0.0.1", "forbidden"],
    ["not an address", "forbidden"],
  ])("%s is %s", (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it("opens private ranges only when allowed, and link-local never", () => {
    expect(mayConnectTo("127.0.0.1", false)).toBe(false);
    expect(mayConnectTo("127.0.0.1", true)).toBe(true);
    expect(mayConnectTo("169.254.169.254", true)).toBe(false);
  });
});

describe("outboundFetch", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === "/big") return void response.end(Buffer.alloc(10_000, 97));
      if (request.url === "/slow") return void setTimeout(() => response.end("late"), 2_000);
      if (request.url === "/to-metadata")
        return void response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (request.url === "/loop") return void response.writeHead(302, { location: "/loop" }).end();
      if (request.url === "/hop") return void response.writeHead(301, { location: "/page" }).end();
      response.writeHead(200, { "content-type": "text/plain" }).end("hello");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses loopback by default, by address and by name", async () => {
    await expect(outboundFetch(`${base}/page`, { allowPrivate: false })).rejects.toBeInstanceOf(OutboundRefusedError);
    const port = new URL(base).port;
    await expect(outboundFetch(`http://localhost:${port}/page`, { allowPrivate: false })).rejects.toBeInstanceOf(
      OutboundRefusedError,
    );
  });

  it("refuses other schemes and URLs with credentials", async () => {
    await expect(outboundFetch("file:///etc/passwd")).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(outboundFetch(`http://user:pass@example.org/`)).rejects.toBeInstanceOf(OutboundRefusedError);
  });

  it("fetches when private addresses are allowed, and follows redirects within the limit", async () => {
    const response = await outboundFetch(`${base}/hop`, { allowPrivate: true, maxRedirects: 2 });
    expect(response).toMatchObject({ status: 200, finalUrl: `${base}/page`, redirects: [`${base}/page`] });
    expect(response.body.toString()).toBe("hello");
    expect(response.remoteAddress).toBe("127.0.0.1");
  });

  it("returns a redirect as is when redirects are off", async () => {
    expect(await outboundFetch(`${base}/hop`, { allowPrivate: true })).toMatchObject({ status: 301, redirects: [] });
  });

  it("refuses a redirect to a link-local address even when private ones are allowed", async () => {
    await expect(outboundFetch(`${base}/to-metadata`, { allowPrivate: true, maxRedirects: 3 })).rejects.toThrow(
      /not a public address/,
    );
  });

  it("stops redirect loops, long bodies and slow answers", async () => {
    await expect(outboundFetch(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 })).rejects.toThrow(
      /more than 3 redirects/,
    );
    const big = await outboundFetch(`${base}/big`, { allowPrivate: true, maxBytes: 1_000 });
    expect(big).toMatchObject({ truncated: true });
    expect(big.body.length).toBe(1_000);
    await expect(outboundFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(/timed out/);
  });
});

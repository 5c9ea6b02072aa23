// Every request Parley makes to an address someone typed (webhook endpoints, cited links)
// goes through here. The address is refused if it is, or resolves to, a private, loopback,
// link-local or otherwise non-public address (PARLEY_OUTBOUND_ALLOW_PRIVATE=1 opens private and
// loopback ranges, never link-local or reserved ones) — checked on the address actually connected
// to (the DNS answer is checked inside the socket's own lookup, and the connected peer is
// checked again), and on every redirect hop. Time, size and redirects are bounded.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { env } from "@/lib/env";

export type OutboundOptions = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Whole exchange, connect to last byte. */
  timeoutMs?: number;
  /** Response bodies longer than this are cut off (and marked truncated). */
  maxBytes?: number;
  /** 0: a 3xx is returned as is. Each hop is checked like the first. */
  maxRedirects?: number;
  /** For tests: whether private addresses are allowed; default from PARLEY_OUTBOUND_ALLOW_PRIVATE. */
  allowPrivate?: boolean;
};

export type OutboundResponse = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  finalUrl: string;
  /** The peer connected to for the final response. */
  remoteAddress: string;
  redirects: string[];
};

/** The request was not sent (or not followed) because of where it would go. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

/**
 * Addresses a deployment may open up with PARLEY_OUTBOUND_ALLOW_PRIVATE=1 (a partner on the same
 * private network; tests on loopback): loopback, RFC 1918, carrier-grade NAT, unique-local IPv6.
 */
const privateRanges = new net.BlockList();
for (const [prefix, bits] of [
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  privateRanges.addSubnet(prefix, bits, "ipv4");
privateRanges.addSubnet("::1", 128, "ipv6");
privateRanges.addSubnet("fc00::", 7, "ipv6");

/**
 * Never reachable, whatever the setting: link-local (cloud metadata services live at
 * 169.254.169.254), unspecified, multicast, reserved and documentation ranges.
 */
const forbiddenRanges = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["169.254.0.0", 16],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  forbiddenRanges.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  forbiddenRanges.addSubnet(prefix, bits, "ipv6");

/** IPv4 carried inside IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, compatible ::a.b.c.d) is judged as IPv4. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export type AddressKind = "public" | "private" | "forbidden";

/** Where an IP address points: the public internet, a private network, or somewhere never reachable. */
export function addressKind(address: string): AddressKind {
  let ip = address;
  let type: "ipv4" | "ipv6";
  if (net.isIP(ip) === 4) type = "ipv4";
  else if (net.isIP(ip) === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) ip = v4;
    type = v4 ? "ipv4" : "ipv6";
  } else return "forbidden";
  if (forbiddenRanges.check(ip, type)) return "forbidden";
  if (privateRanges.check(ip, type)) return "private";
  return "public";
}

/** Whether an outbound request may connect to this address. */
export function mayConnectTo(address: string, allowPrivate: boolean): boolean {
  const kind = addressKind(address);
  return kind === "public" || (kind === "private" && allowPrivate);
}

function allowPrivateDefault(): boolean {
  return env().PARLEY_OUTBOUND_ALLOW_PRIVATE === "1";
}

/** A URL outbound requests may be made to at all (scheme, credentials); the address is checked at connect time. */
export function checkOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusedError("not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefusedError("only http and https");
  if (url.username || url.password) throw new OutboundRefusedError("URLs with credentials are refused");
  return url;
}

/** dns.lookup, refusing answers that are not public: the socket connects only to what this returns. */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const usable = list.filter((a) => mayConnectTo(a.address, allowPrivate));
      if (usable.length === 0)
        return callback(new OutboundRefusedError(`${hostname} resolves to a non-public address`), "", 0);
      if ((options as dns.LookupOptions).all) return callback(null, usable as never, 0);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

function once(
  url: URL,
  options: Required<Omit<OutboundOptions, "headers" | "body">> & OutboundOptions,
  deadline: number,
) {
  return new Promise<Omit<OutboundResponse, "finalUrl" | "redirects">>((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(host) && !mayConnectTo(host, options.allowPrivate))
      return reject(new OutboundRefusedError(`${host} is not a public address`));
    const client = url.protocol === "https:" ? https : http;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new Error("timed out"));
    const request = client.request(url, {
      method: options.method,
      headers: { "user-agent": "Parley (+https://github.com/parley)", ...options.headers },
      lookup: guardedLookup(options.allowPrivate),
      agent: false,
      timeout: remaining,
    });
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), remaining);
    request.on("socket", (socket) => {
      socket.on("connect", () => {
        // Second check, on the peer actually reached (covers any path that skipped the lookup).
        const peer = socket.remoteAddress ?? "";
        if (!mayConnectTo(peer, options.allowPrivate))
          request.destroy(new OutboundRefusedError(`connected to non-public address ${peer}`));
      });
    });
    request.on("timeout", () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const remoteAddress = response.socket.remoteAddress ?? "";
      response.on("data", (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > options.maxBytes) {
          chunks.push(chunk.subarray(0, options.maxBytes - size));
          size = options.maxBytes;
          truncated = true;
          response.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers))
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks), truncated, remoteAddress });
      };
      response.on("end", finish);
      response.on("error", (error) => {
        clearTimeout(timer);
        if (!done) reject(error);
      });
    });
    request.end(options.body);
  });
}

/** One outbound HTTP exchange with Parley's protections (see the file's header). */
export async function outboundFetch(rawUrl: string, options: OutboundOptions = {}): Promise<OutboundResponse> {
  const settings = {
    method: options.method ?? "GET",
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 0,
    allowPrivate: options.allowPrivate ?? allowPrivateDefault(),
    headers: options.headers,
    body: options.body,
  };
  const deadline = Date.now() + settings.timeoutMs;
  let url = checkOutboundUrl(rawUrl);
  const redirects: string[] = [];
  for (;;) {
    const response = await once(url, settings, deadline);
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location && settings.maxRedirects > 0) {
      if (redirects.length >= settings.maxRedirects)
        throw new OutboundRefusedError(`more than ${settings.maxRedirects} redirects`);
      url = checkOutboundUrl(new URL(location, url).toString());
      redirects.push(url.toString());
      // A redirect is followed with a GET and no body, as browsers do for 301/302/303.
      settings.method = "GET";
      settings.body = undefined;
      continue;
    }
    return { ...response, finalUrl: url.toString(), redirects };
  }
}

// The static baseline: the same HTML bytes the app served, from a plain Node
// HTTP server in its own process (used when nginx is not installed).
// Usage: node bench/static-server.mjs <file> <port>
import { readFileSync } from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
const headers = { "content-type": "text/html; charset=utf-8", "content-length": String(body.length) };

http
  .createServer((request, response) => {
    response.writeHead(200, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("ready") ?? console.log("ready"));

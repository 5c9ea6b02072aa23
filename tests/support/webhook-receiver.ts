// A real HTTP receiver for webhook tests: verifies every request with the standardwebhooks
// package, answers with the status the test scripts, and lets tests wait for deliveries.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; timestamp: string; verified: boolean; body: unknown; status: number };

export async function startWebhookReceiver(secretFor: () => string, answer: (count: number) => number = () => 204) {
  const received: Received[] = [];
  const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        new Webhook(secretFor()).verify(raw, request.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const status = answer(received.length + 1);
      received.push({
        id: String(request.headers["webhook-id"]),
        timestamp: String(request.headers["webhook-timestamp"]),
        verified,
        body: JSON.parse(raw),
        status,
      });
      response.writeHead(status).end();
      for (const waiter of waiters.splice(0))
        if (!waiter.predicate()) waiters.push(waiter);
        else waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    /** Resolves once the predicate holds for what has been received. */
    until(predicate: (all: Received[]) => boolean): Promise<void> {
      if (predicate(received)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ predicate: () => predicate(received), resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

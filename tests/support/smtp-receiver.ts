// A real SMTP server for mail tests (the smtp-server package) on a free loopback port: every
// message is kept raw and parsed with mailparser, and tests wait for the ones they expect.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; parsed: ParsedMail };

export async function startSmtpReceiver() {
  const received: ReceivedMail[] = [];
  const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  const server = new SMTPServer({
    // Loopback only, no TLS or login: nodemailer sends plain SMTP to smtp://127.0.0.1:<port>.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            for (const waiter of waiters.splice(0))
              if (!waiter.predicate()) waiters.push(waiter);
              else waiter.resolve();
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Messages to one address. */
    to: (address: string) => received.filter((mail) => mail.to.includes(address)),
    /** Resolves once the predicate holds for what has been received. */
    until(predicate: (all: ReceivedMail[]) => boolean): Promise<void> {
      if (predicate(received)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ predicate: () => predicate(received), resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

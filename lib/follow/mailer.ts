import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe (RFC 8058): its https URL goes into List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
  /** A fixed Message-ID (`<…@…>`), so a receiving system can drop a copy sent again on a retry. */
  messageId?: string;
  /** The message's language: an Arabic one says `Content-Language: ar` (English ones are as they were). */
  language?: "en" | "ar";
};

let transport: { url: string; sender: nodemailer.Transporter } | null = null;

/** One pooled SMTP transport per SMTP_URL (tests change the setting between files). */
function smtpTransport(url: string): nodemailer.Transporter {
  if (transport?.url !== url) {
    transport?.sender.close();
    transport = { url, sender: nodemailer.createTransport(url) };
  }
  return transport.sender;
}

/**
 * Sends through SMTP_URL, or, when it is unset, writes the message as an .eml file to
 * PARLEY_MAIL_DIR (development: open it in any mail client). The message is built by
 * nodemailer either way, so the file is exactly what would have been sent.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const settings = env();
  const message: nodemailer.SendMailOptions = {
    from: settings.PARLEY_MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl } } : {}),
    headers: {
      ...(mail.unsubscribeUrl ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
      ...(mail.language && mail.language !== "en" ? { "Content-Language": mail.language } : {}),
    },
  };
  if (settings.SMTP_URL) {
    await smtpTransport(settings.SMTP_URL).sendMail(message);
    return;
  }
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  const folder = path.resolve(settings.PARLEY_MAIL_DIR);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`);
  await writeFile(file, built.message as Buffer, { mode: 0o600 });
  log.info({ file }, "SMTP_URL is unset: mail written to a file instead of sent");
}

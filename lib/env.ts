import { z } from "zod";

/**
 * Every setting Parley reads, validated in one place (T3's env pattern, plain zod).
 *
 * Read through `env()`: it parses `process.env` on each call (a few microseconds), because the
 * start-up script sets `DATABASE_URL` itself once the embedded database is running.
 * `.env.example` and docs/settings.md list the same names; a unit test keeps the three in step.
 */

const flag = z.enum(["0", "1"]);
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const httpUrl = z.url({ protocol: /^https?$/ });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// address")
    .optional()
    .describe("Use this PostgreSQL instead of the embedded one (postgresql://user:pass@host:5432/db)."),
  PORT: whole(1, 65535).default(3000).describe("Port of the app."),
  HOSTNAME: z.string().optional().describe("Address the production server listens on (default: all)."),
  PARLEY_DATA_DIR: z.string().default(".data/postgres").describe("Folder of the embedded database."),
  PARLEY_MIGRATE: flag
    .default("1")
    .describe("0: start without applying migrations (run `npm run db:migrate` as a release step first)."),
  PARLEY_SEED: flag.default("1").describe("0: do not seed an empty database on start."),
  PARLEY_DB_POOL_SIZE: whole(1, 200).default(10).describe("Connections each app process keeps to PostgreSQL."),
  NEXTAUTH_SECRET: z.string().optional().describe("Session signing secret, at least 32 bytes; required in production."),
  AUTH_SECRET: z.string().optional().describe("Accepted in place of NEXTAUTH_SECRET."),
  NEXTAUTH_URL: httpUrl.optional().describe("The site's public address; required in production."),
  PARLEY_PUBLIC_URL: httpUrl
    .optional()
    .describe("Public origin for absolute links and share images, when it differs from NEXTAUTH_URL."),
  PARLEY_PAGE_CACHE_SECONDS: whole(0, 3600)
    .default(60)
    .describe("Seconds npm start keeps public pages unless a change empties them first (0: off)."),
  PARLEY_EDGE_CACHE_SECONDS: whole(0, 3600)
    .default(1)
    .describe("Seconds a cache in front (nginx, CDN) may keep public answers (s-maxage)."),
  PARLEY_EVENT_STREAMS_MAX: whole(0, 100_000)
    .default(2000)
    .describe("Open event streams (GET …/events) each app process allows; over it, readers poll."),
  PARLEY_TRUSTED_PROXY_HOPS: whole(0, 10)
    .default(0)
    .describe("Reverse proxies in front that append to X-Forwarded-For (0: the socket address is the client)."),
  PARLEY_PG_BIN: z.string().optional().describe("Folder with pg_dump/pg_restore for backups, when not on PATH."),
  PARLEY_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .optional()
    .describe("Log level (default info; warn under tests)."),
  PARLEY_JOBS_IN_APP: flag
    .default("1")
    .describe("0: npm start / npm run dev do not run background jobs (run `npm run worker` instead)."),
  PARLEY_JOB_RETRY_DELAY_SECONDS: whole(1, 3600)
    .default(30)
    .describe("First retry delay of a failed job; each further retry waits about twice as long."),
  PARLEY_JOB_POLL_SECONDS: z.coerce
    .number()
    .min(0.5)
    .max(60)
    .default(2)
    .describe("How often a worker looks for new jobs."),
  PARLEY_OUTBOUND_ALLOW_PRIVATE: flag
    .default("0")
    .describe("1: webhooks and link archiving may reach private and loopback addresses (never link-local); for tests."),
  PARLEY_WEBHOOK_DISABLE_AFTER: whole(1, 10_000)
    .default(20)
    .describe("Failed deliveries in a row after which a webhook endpoint is disabled."),
  PARLEY_PUBLIC_ARCHIVE_SAVE_URL: httpUrl
    .optional()
    .describe(
      "A public archive's save endpoint (e.g. https://web.archive.org/save/); unset: nothing leaves the machine.",
    ),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// address")
    .optional()
    .describe(
      "Mail server for reader alerts (smtps://user:pass@host:465); unset: messages are written to PARLEY_MAIL_DIR.",
    ),
  PARLEY_MAIL_FROM: z
    .string()
    .default("Parley alerts <alerts@parley.invalid>")
    .describe("Sender of reader alerts and confirmation mails."),
  PARLEY_MAIL_DIR: z
    .string()
    .default(".data/mail")
    .describe("Folder where messages are written as .eml files when SMTP_URL is unset."),
  PARLEY_ALERT_BATCH_SECONDS: whole(1, 86_400)
    .default(300)
    .describe("Alerts wait this long after a change, so a burst of edits is one message per subscriber."),
  PARLEY_LINK_CHECK_CRON: z
    .string()
    .default("0 4 * * *")
    .describe('When the scheduled check of cited links runs (cron, UTC; "off": never).'),
  PARLEY_ARABIC_DIGITS: z
    .enum(["latn", "arab"])
    .default("latn")
    .describe("Digits on Arabic pages: latn (0123, the default) or arab (٠١٢٣)."),
});

export type Env = z.infer<typeof envSchema>;

/** The validated settings; throws EnvError naming every bad variable. */
export function env(source: Record<string, string | undefined> = process.env): Env {
  // An empty value (`DATABASE_URL=` copied from .env.example) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/** Setting names with their one-line meaning, for the settings table test. */
export function documentedSettings(): { name: string; description: string }[] {
  return Object.entries(envSchema.shape)
    .filter(([name]) => name !== "NODE_ENV")
    .map(([name, schema]) => ({ name, description: schema.description ?? "" }));
}

// Cross-instance change notifications through PostgreSQL LISTEN/NOTIFY.
// Every staff write sends a NOTIFY inside its transaction (lib/data/change-notification.ts),
// so PostgreSQL delivers it to every listening instance only if the write commits. Each app
// process keeps one dedicated connection that LISTENs (a plain pg.Client, outside the pool:
// LISTEN belongs to a session, so it needs a direct connection, never a transaction pooler),
// reconnects with backoff when the database restarts, and fans the changes out to its page
// cache, its reader-data cache and its event streams.
// No Next.js or server-only imports: the production server loads this outside the bundle.
import { EventEmitter } from "node:events";
import pg from "pg";
import { errorFields, log } from "@/lib/log";

export const CHANGE_CHANNEL = "parley_changes";

/**
 * One change readers may see. `id` is the database clock in microseconds when the change was
 * written: one clock for every instance, so a stream resumed on another instance understands it.
 * `negotiationId` is null when the change is not tied to one negotiation, and for a resync
 * (the listener was disconnected and may have missed notifications: assume everything changed).
 */
export type Change = { id: string; negotiationId: string | null; resync?: true };

export type ChangeFeedOptions = {
  connectionString: string;
  /** Recent changes kept for Last-Event-ID resumes. */
  remember?: number;
  backoff?: { initialMs: number; maxMs: number };
};

const REGISTRY = Symbol.for("parley.change-feed");
const NOW_ID = "SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS id";

export class ChangeFeed {
  private readonly events = new EventEmitter();
  private readonly recent: Change[] = [];
  private client: pg.Client | null = null;
  private closed = false;
  private connectedOnce = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private delayMs: number;
  private readonly remember: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: ChangeFeedOptions) {
    this.events.setMaxListeners(0);
    this.remember = options.remember ?? 500;
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 5_000 };
    this.delayMs = this.backoff.initialMs;
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  start(): this {
    void this.connect();
    return this;
  }

  /** Calls `listener` for every change until the returned function is called. */
  subscribe(listener: (change: Change) => void): () => void {
    this.events.on("change", listener);
    return () => this.events.off("change", listener);
  }

  /** Calls `listener` once when the feed closes (shutdown). */
  onClose(listener: () => void): () => void {
    this.events.once("close", listener);
    return () => this.events.off("close", listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Changes after `lastId` (for one negotiation, resyncs included), or null when this process
   * cannot tell (the id is older than what it remembers, or not one of its ids): resume by refetching.
   */
  since(lastId: string, negotiationId: string): Change[] | null {
    if (!/^\d{1,20}$/.test(lastId)) return null;
    const last = BigInt(lastId);
    const oldest = this.recent[0];
    if (!oldest || BigInt(oldest.id) > last) return null;
    return this.recent.filter(
      (change) => BigInt(change.id) > last && (change.negotiationId === negotiationId || change.resync),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.events.emit("close");
    this.events.removeAllListeners();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: 5_000,
      // Dead peers (a killed server, a dropped network) are noticed instead of waited on forever.
      keepAlive: true,
      application_name: "parley-change-feed",
    });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      log.warn({ ...errorFields(error), retryInMs: this.delayMs }, "change feed: connection lost; reconnecting");
      this.retryTimer = setTimeout(() => void this.connect(), this.delayMs);
      this.retryTimer.unref();
      this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
    };
    client.on("error", fail);
    client.on("end", () => fail(new Error("connection ended")));
    client.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (this.closed) return void (await client.end().catch(() => undefined));
      this.client = client;
      this.delayMs = this.backoff.initialMs;
      if (this.connectedOnce) {
        // Whatever was written while this connection was down was not delivered to it.
        const { rows } = await client.query<{ id: string }>(NOW_ID);
        this.emit({ id: rows[0]!.id, negotiationId: null, resync: true });
        log.info("change feed: listening again");
      }
      this.connectedOnce = true;
      this.markReady();
    } catch (error) {
      fail(error);
    }
  }

  private receive(payload: string | undefined): void {
    try {
      const parsed = JSON.parse(payload ?? "") as { id?: unknown; negotiationId?: unknown };
      if (typeof parsed.id !== "string" || !/^\d{1,20}$/.test(parsed.id)) throw new Error("no id");
      const negotiationId = typeof parsed.negotiationId === "string" ? parsed.negotiationId : null;
      this.emit({ id: parsed.id, negotiationId });
    } catch (error) {
      log.warn(errorFields(error), "change feed: unreadable notification ignored");
    }
  }

  private emit(change: Change): void {
    this.recent.push(change);
    if (this.recent.length > this.remember) this.recent.shift();
    this.events.emit("change", change);
  }
}

/** Makes this the process's feed (one per process: the server and the route handlers share it). */
export function registerChangeFeed(feed: ChangeFeed): ChangeFeed {
  (globalThis as Record<symbol, unknown>)[REGISTRY] = feed;
  return feed;
}

export function registeredChangeFeed(): ChangeFeed | null {
  const feed = (globalThis as Record<symbol, unknown>)[REGISTRY] as ChangeFeed | undefined;
  return feed && !feed.isClosed ? feed : null;
}

/**
 * The process's feed; under `next dev` and in tests, where no production server registered one,
 * started on first use.
 */
export function changeFeed(connectionString: string): ChangeFeed {
  return registeredChangeFeed() ?? registerChangeFeed(new ChangeFeed({ connectionString }).start());
}

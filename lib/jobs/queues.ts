/** pg-boss's tables live in their own schema, beside (never inside) the Prisma-managed `public`. */
export const JOB_SCHEMA = "pgboss";

/**
 * Every queue Parley uses, with its retry policy. pg-boss keeps the policy on the
 * queue row, so a job inherits it when it is inserted (also inside an editor's
 * transaction, where only SQL runs). Backoff doubles the delay after each failure,
 * with jitter: retryDelay 10 s waits about 10, 20, 40, 80 … seconds.
 */
export const QUEUES = {
  /** A public change happened: find the endpoints that want it and queue one delivery each. */
  webhookFanout: "webhook-fanout",
  /** POST one signed message to one endpoint. */
  webhookDeliver: "webhook-deliver",
  /** Fetch a cited URL and keep a snapshot. */
  citationArchive: "citation-archive",
  /** Send a reader the link that confirms their alert subscription. */
  alertConfirm: "alert-confirm",
  /** Gather the public changes of the last few minutes into one alert per subscriber (debounced). */
  alertBatch: "alert-batch",
  /** Send one subscriber one alert. */
  alertSend: "alert-send",
  /** Re-check every cited URL (scheduled, PARLEY_LINK_CHECK_CRON). */
  linkCheck: "link-check",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueuePolicy = {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** "short": at most one queued (not yet started) job per singletonKey; later sends are dropped. */
  policy?: "standard" | "short";
};

/** Retry policy per queue; `retryDelaySeconds` (PARLEY_JOB_RETRY_DELAY_SECONDS) scales the delays. */
export function queuePolicies(retryDelaySeconds: number): Record<QueueName, QueuePolicy> {
  return {
    [QUEUES.webhookFanout]: { retryLimit: 5, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: 60 },
    // Standard Webhooks suggests retrying for about a day; 8 doubling retries from 30 s reach ~2 h.
    [QUEUES.webhookDeliver]: { retryLimit: 8, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: 60 },
    [QUEUES.citationArchive]: {
      retryLimit: 3,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    [QUEUES.alertConfirm]: { retryLimit: 5, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: 60 },
    // One batch waits at a time: changes during the window join it instead of queuing their own.
    [QUEUES.alertBatch]: {
      retryLimit: 5,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 120,
      policy: "short",
    },
    [QUEUES.alertSend]: { retryLimit: 8, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: 60 },
    // Checks every cited URL in turn (15 s each at most).
    [QUEUES.linkCheck]: { retryLimit: 1, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: 4 * 3600 },
  };
}

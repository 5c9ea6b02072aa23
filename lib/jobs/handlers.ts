import "server-only";
import { archiveUrl, type ArchiveJob } from "@/lib/archive/link-archive";
import { deliverWebhook, type DeliveryJob } from "@/lib/webhooks/deliver";
import { fanOutEvent } from "@/lib/webhooks/fanout";
import { checkCitedLinks } from "@/lib/archive/link-check";
import {
  batchAlerts,
  sendAlert,
  sendConfirmation,
  type AlertConfirmJob,
  type AlertSendJob,
} from "@/lib/follow/alert-jobs";
import type { PublicEvent } from "./public-events";
import { QUEUES, type QueueName } from "./queues";
import type { JobHandler } from "./worker";

/** Parley's queues and their work; `npm start`, `npm run dev` and `npm run worker` run these. */
export function jobHandlers(): Partial<Record<QueueName, JobHandler>> {
  return {
    [QUEUES.webhookFanout]: (data) => fanOutEvent(data as PublicEvent),
    [QUEUES.webhookDeliver]: (data, job) => deliverWebhook(data as DeliveryJob, job.retryCount + 1),
    [QUEUES.citationArchive]: (data) => archiveUrl(data as ArchiveJob),
    [QUEUES.alertConfirm]: (data) => sendConfirmation(data as AlertConfirmJob),
    [QUEUES.alertBatch]: () => batchAlerts(),
    [QUEUES.alertSend]: (data, job) => sendAlert(data as AlertSendJob, job.id),
    [QUEUES.linkCheck]: () => checkCitedLinks(),
  };
}

import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/boss";

export type FailedJob = {
  id: string;
  queue: string;
  attempts: number;
  createdOn: Date;
  failedOn: Date | null;
  error: string;
};

/** Jobs that failed for good (retries used up), newest first, with the error of their last attempt. */
export async function listFailedJobs(limit = 100): Promise<FailedJob[]> {
  await requireAccess("admin");
  const rows = await db().$queryRawUnsafe<
    { id: string; name: string; retry_count: number; created_on: Date; completed_on: Date | null; output: unknown }[]
  >(
    `SELECT id::text, name, retry_count, created_on, completed_on, output
       FROM ${JOB_SCHEMA}.job WHERE state = 'failed'
      ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
    limit,
  );
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    attempts: row.retry_count + 1,
    createdOn: row.created_on,
    failedOn: row.completed_on,
    error: errorText(row.output),
  }));
}

/** pg-boss stores a thrown error as its serialised fields; admins need the message. */
function errorText(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) return String(output.message).slice(0, 1000);
  return output === null || output === undefined ? "(no error recorded)" : JSON.stringify(output).slice(0, 1000);
}

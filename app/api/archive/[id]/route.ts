import { getSnapshotFile } from "@/lib/data/snapshots";

/** Types a stored copy may be served as; anything else is offered as a download. */
const INLINE_TYPES = /^(text\/html|text\/plain|application\/pdf|image\/(png|jpeg|gif|webp))\b/i;

/**
 * An archived copy of a cited page. It is someone else's markup, so it is served so that it
 * can never act as Parley: `Content-Security-Policy: sandbox` gives it an opaque origin
 * (no scripts, no forms, no access to Parley's cookies or storage) and `default-src 'none'`
 * stops it loading anything (readers' browsers never contact the original site); `nosniff`
 * keeps the stored type; no cookie is read for public copies or ever set.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const snapshot = await getSnapshotFile((await params).id);
  const headers = new Headers({
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "private, no-store",
  });
  if (!snapshot) {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return new Response("No archived copy here.", { status: 404, headers });
  }
  const inline = snapshot.contentType !== null && INLINE_TYPES.test(snapshot.contentType);
  headers.set("Content-Type", inline ? snapshot.contentType! : "application/octet-stream");
  if (!inline) headers.set("Content-Disposition", "attachment");
  headers.set("X-Parley-Archived-At", snapshot.fetchedAt.toISOString());
  if (snapshot.sha256) headers.set("X-Parley-Sha256", snapshot.sha256);
  return new Response(new Uint8Array(snapshot.body), { status: 200, headers });
}

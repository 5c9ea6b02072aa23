// PostgreSQL's own log for the embedded server: kept in a file under the data
// folder (it is lost with the process otherwise) and in memory, so a crash or a
// failed restart can be explained with the server's own last words.
import { appendFileSync, existsSync, renameSync, statSync } from "node:fs";
import path from "node:path";

/** Bigger files are moved to `.1` at start, so the log never grows without bound. */
const ROTATE_BYTES = 5 * 1024 * 1024;
const KEPT_LINES = 200;

export const EMBEDDED_LOG_NAME = "parley-postgres.log";

export class EmbeddedLog {
  private lines: string[] = [];
  private file: string | null = null;
  private startedAt = 0;
  /** Lines ever written: marks count from here, so dropping old lines does not shift them. */
  private written = 0;

  /** Starts writing to `<dataDir>/parley-postgres.log` (only once initdb has made the folder). */
  attach(dataDir: string): void {
    this.file = path.join(dataDir, EMBEDDED_LOG_NAME);
    try {
      if (existsSync(this.file) && statSync(this.file).size > ROTATE_BYTES) renameSync(this.file, `${this.file}.1`);
    } catch {
      // Rotation is a nicety; a full or read-only disk must not stop the server from starting.
    }
  }

  get path(): string | null {
    return this.file;
  }

  /** Takes a chunk of the server's stderr (one or more lines). */
  write(chunk: string): void {
    const lines = chunk.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) return;
    this.lines.push(...lines);
    this.written += lines.length;
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    if (!this.file) return;
    try {
      appendFileSync(this.file, `${lines.join("\n")}\n`);
    } catch {
      // Disk full is one of the failures this log explains; the lines stay in memory.
    }
  }

  /** A mark to read the lines written since (e.g. since the last start attempt). */
  mark(): number {
    return this.written;
  }

  /** Remembers where the running server's own lines begin (after initdb's and earlier runs'). */
  markStart(): number {
    this.startedAt = this.written;
    return this.startedAt;
  }

  /** The running server's last lines. */
  sinceStart(max = 20): string[] {
    return this.since(this.startedAt, max);
  }

  since(mark: number, max = 20): string[] {
    const fresh = Math.min(this.written - mark, max, this.lines.length);
    return fresh > 0 ? this.lines.slice(-fresh) : [];
  }
}

export type StartFailure = { cause: string; advice: string };

/**
 * Recognises the failures waiting cannot fix by itself, from PostgreSQL's own
 * messages, and says what the operator has to do.
 */
export function diagnoseStartFailure(lines: string[], dataDir: string): StartFailure | null {
  const text = lines.join("\n");
  if (/No space left on device|could not extend file|disk full/i.test(text))
    return {
      cause: `the disk holding ${dataDir} is full`,
      advice: `Free space on that disk (df -h ${dataDir}); Parley keeps retrying and comes back by itself once there is room.`,
    };
  if (
    /invalid (checkpoint|primary checkpoint|resource manager|magic number)|could not locate a valid checkpoint|checksum mismatch|invalid page in block|could not read file .*(pg_control|global)|incorrect checksum in control file/i.test(
      text,
    )
  )
    return {
      cause: `the data folder ${dataDir} is damaged`,
      advice: `Stop Parley, move that folder away (keep it for inspection), start again and restore the last backup with \`npm run db:restore\` (docs/database.md).`,
    };
  if (/Permission denied|could not open file|could not access/i.test(text))
    return {
      cause: `PostgreSQL cannot read or write ${dataDir}`,
      advice: `Give the user running PostgreSQL its folder back (chown -R, or as root the "postgres" user); Parley keeps retrying.`,
    };
  return null;
}

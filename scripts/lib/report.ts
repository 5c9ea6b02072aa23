import { BackupError } from "@/lib/db/backup";
import { DatabaseUnavailableError } from "@/lib/db/connection";
import { EmbeddedDatabaseInUseError } from "@/lib/db/embedded";
import { MigrationFailedError } from "@/lib/db/migrations";
import { SeedFileError } from "@/seeds/load";

/** A failure whose message already tells the user what to do. */
export class CommandError extends Error {}

const expected = [
  BackupError,
  CommandError,
  DatabaseUnavailableError,
  EmbeddedDatabaseInUseError,
  MigrationFailedError,
  SeedFileError,
];

/** Expected failures print one clear message; anything else keeps its stack for debugging. */
export function reportAndExit(error: unknown): never {
  if (expected.some((kind) => error instanceof kind)) {
    console.error(`parley: ${(error as Error).message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}

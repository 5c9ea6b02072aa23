// Reads and validates seed files, naming the file and the field on any error.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { seedCaseWithReferencesSchema, seedStaffSchema, type SeedCase } from "./schema";

export const SEEDS_DIR = path.resolve("seeds");

export class SeedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedFileError";
  }
}

function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, 10).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    return `  ${field}: ${issue.message}`;
  });
  const more = error.issues.length > 10 ? `\n  …and ${error.issues.length - 10} more` : "";
  return `Seed file ${file} is invalid:\n${lines.join("\n")}${more}`;
}

export async function parseSeedFile<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new SeedFileError(`Seed file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new SeedFileError(describeIssues(file, result.error));
  return result.data;
}

export async function loadSeedCases(
  dir = path.join(SEEDS_DIR, "cases"),
): Promise<Array<{ file: string; data: SeedCase }>> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = path.join(dir, name);
      return { file, data: await parseSeedFile(file, seedCaseWithReferencesSchema) };
    }),
  );
}

export function loadDevelopmentStaff(file = path.join(SEEDS_DIR, "staff.development.json")) {
  return parseSeedFile(file, seedStaffSchema);
}

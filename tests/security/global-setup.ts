// One production stack for the whole security suite, with confidential
// markers planted in the database before the app starts (see markers.ts).
import { withPrismaClient } from "@/lib/db/prisma";
import type { TestProject } from "vitest/node";
import { ensureProductionBuild, startStack, type StaffCredentials } from "../harness/stack";
import { plantMarkers, type PlantedData } from "./markers";
import { resetTally, summaryLine } from "./tally";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    staff: { journalist: StaffCredentials; admin: StaffCredentials };
    planted: PlantedData;
  }
}

export default async function setup(project: TestProject) {
  resetTally();
  ensureProductionBuild();
  let planted: PlantedData | undefined;
  const stack = await startStack({
    prepare: async (databaseUrl) => {
      planted = await withPrismaClient(databaseUrl, plantMarkers);
    },
    log: (line) => console.log(line),
    // Reader alerts go out a second after a change, so follow.security.ts can read them.
    env: { PARLEY_ALERT_BATCH_SECONDS: "1" },
  });
  project.provide("baseUrl", stack.baseUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("staff", stack.staff);
  project.provide("planted", planted!);

  return async () => {
    const output = stack.app().output.join("");
    await stack.stop();
    if (process.env.PARLEY_SECURITY_APP_LOG === "1") console.log(output);
    console.log(summaryLine());
  };
}

"use server";

import { revalidatePath } from "next/cache";
import { requestReArchive } from "@/lib/data/snapshots";
import { reArchiveSchema } from "@/lib/validation/archive";
import { journalistAction } from "./define-action";

export const reArchiveAction = journalistAction(reArchiveSchema, async (input) => {
  await requestReArchive(input);
  revalidatePath("/editor/archive");
});

import { z } from "zod";

export const reArchiveSchema = z.object({ url: z.string().trim().min(1).max(2000) });

import { z } from "zod";
import { staffRoute } from "@/lib/api/staff-route";
import { searchSources } from "@/lib/data/editor/workspace";

const query = z.object({ q: z.string().default("") });

/** Source type-ahead for the editor. Staff only (the data layer checks again). */
export const GET = staffRoute("journalist", query, async ({ input }) =>
  Response.json({ sources: await searchSources(input.q) }),
);

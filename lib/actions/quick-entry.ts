"use server";

import { createQuickDevelopment } from "@/lib/data/editor/quick-entry";
import { quickDevelopmentSchema } from "@/lib/validation/quick-entry";
import { journalistAction } from "./define-action";

export const createQuickDevelopmentAction = journalistAction(quickDevelopmentSchema, (input) =>
  createQuickDevelopment(input),
);

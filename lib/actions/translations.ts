"use server";

import { saveTranslation } from "@/lib/data/editor/translations";
import { saveTranslationSchema } from "@/lib/validation/translation";
import { journalistAction } from "./define-action";

/** Journalists translate editorial text; the data layer requires admin for source descriptions. */
export const saveTranslationAction = journalistAction(saveTranslationSchema, (input) => saveTranslation(input));

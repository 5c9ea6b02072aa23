"use server";

import {
  createDevelopment,
  setDevelopmentArchived,
  setDevelopmentPublication,
  updateDevelopment,
} from "@/lib/data/editor/developments";
import { restoreDevelopmentRevision } from "@/lib/data/editor/revisions";
import {
  createDevelopmentSchema,
  developmentArchiveSchema,
  developmentPublicationSchema,
  restoreRevisionSchema,
  updateDevelopmentSchema,
} from "@/lib/validation/development";
import { journalistAction } from "./define-action";

export const createDevelopmentAction = journalistAction(createDevelopmentSchema, (input) => createDevelopment(input));
export const updateDevelopmentAction = journalistAction(updateDevelopmentSchema, (input) => updateDevelopment(input));
export const setDevelopmentPublicationAction = journalistAction(developmentPublicationSchema, (input) =>
  setDevelopmentPublication(input),
);
export const setDevelopmentArchivedAction = journalistAction(developmentArchiveSchema, (input) =>
  setDevelopmentArchived(input),
);
export const restoreDevelopmentRevisionAction = journalistAction(restoreRevisionSchema, (input) =>
  restoreDevelopmentRevision(input),
);

"use server";

import { createPhase, updatePhase } from "@/lib/data/editor/phases";
import { createTermsVersion, discardTermsVersion, setTermsPublication } from "@/lib/data/editor/terms";
import {
  createPhaseSchema,
  createTermsVersionSchema,
  discardTermsSchema,
  termsPublicationSchema,
  updatePhaseSchema,
} from "@/lib/validation/terms";
import { journalistAction } from "./define-action";

export const createTermsVersionAction = journalistAction(createTermsVersionSchema, (input) =>
  createTermsVersion(input),
);
export const setTermsPublicationAction = journalistAction(termsPublicationSchema, (input) =>
  setTermsPublication(input),
);
export const discardTermsVersionAction = journalistAction(discardTermsSchema, (input) => discardTermsVersion(input));
export const createPhaseAction = journalistAction(createPhaseSchema, (input) => createPhase(input));
export const updatePhaseAction = journalistAction(updatePhaseSchema, (input) => updatePhase(input));

"use server";

import { createTermsVersion, setTermsPublication } from "@/lib/data/editor/terms";
import { createTermsVersionSchema, termsPublicationSchema } from "@/lib/validation/terms";
import { journalistAction } from "./define-action";

export const createTermsVersionAction = journalistAction(createTermsVersionSchema, (input) =>
  createTermsVersion(input),
);
export const setTermsPublicationAction = journalistAction(termsPublicationSchema, (input) =>
  setTermsPublication(input),
);

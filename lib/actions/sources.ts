"use server";

import { changeSourceState, createSource, mergeSources, updateSource } from "@/lib/data/admin/sources";
import { createSourceSchema, mergeSourcesSchema, sourceStateSchema, updateSourceSchema } from "@/lib/validation/source";
import { adminAction } from "./define-action";

export const createSourceAction = adminAction(createSourceSchema, (input) => createSource(input));
export const updateSourceAction = adminAction(updateSourceSchema, (input) => updateSource(input));
export const changeSourceStateAction = adminAction(sourceStateSchema, (input) => changeSourceState(input));
export const mergeSourcesAction = adminAction(mergeSourcesSchema, (input) => mergeSources(input));

"use server";

import {
  addFigureClaim,
  addParticipant,
  createNegotiation,
  setParticipantArchived,
  setNegotiationArchived,
  setNegotiationPublication,
  updateNegotiation,
} from "@/lib/data/editor/negotiations";
import {
  addFigureClaimSchema,
  addParticipantSchema,
  createNegotiationSchema,
  negotiationArchiveSchema,
  negotiationPublicationSchema,
  participantArchiveSchema,
  updateNegotiationSchema,
} from "@/lib/validation/negotiation";
import { journalistAction } from "./define-action";

export const createNegotiationAction = journalistAction(createNegotiationSchema, (input) => createNegotiation(input));
export const updateNegotiationAction = journalistAction(updateNegotiationSchema, (input) => updateNegotiation(input));
export const setNegotiationPublicationAction = journalistAction(negotiationPublicationSchema, (input) =>
  setNegotiationPublication(input),
);
export const setNegotiationArchivedAction = journalistAction(negotiationArchiveSchema, (input) =>
  setNegotiationArchived(input),
);
export const addParticipantAction = journalistAction(addParticipantSchema, (input) => addParticipant(input));
export const setParticipantArchivedAction = journalistAction(participantArchiveSchema, (input) =>
  setParticipantArchived(input),
);
export const addFigureClaimAction = journalistAction(addFigureClaimSchema, (input) => addFigureClaim(input));

import "server-only";
import { db } from "@/lib/db/client";
import { cachedReader, readerTags } from "./cache";
import { placeColumnsSelect, toPlaceView } from "./map";
import { publicRow } from "./public-selects";
import type { PlaceView } from "./types";

/** What happened at a place: talks were held there, people were handed over, or events took place. */
export type PlaceRole = "venue" | "handover" | "event";

export type NegotiationPlace = PlaceView & { roles: PlaceRole[] };

const placeKey = (p: PlaceView) => [p.name.trim().toLowerCase(), p.country, p.latitude, p.longitude].join("|");

/**
 * Every place of a published negotiation readers may see: where its public developments happened
 * (a talks development's place is its venue) and where their transfers were handed over. The same
 * place named twice (same name, country and coordinates) is listed once with all its roles.
 */
async function loadNegotiationPlaces(slug: string): Promise<NegotiationPlace[]> {
  const publicNegotiation = { slug, ...publicRow };
  const [developments, transfers] = await Promise.all([
    db().development.findMany({
      where: { ...publicRow, negotiation: publicNegotiation },
      orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { kind: true, ...placeColumnsSelect },
    }),
    // As the ledger counts them: transfers of public developments, and those recorded without one.
    db().transfer.findMany({
      where: {
        obligation: { negotiation: publicNegotiation },
        OR: [{ developmentId: null }, { development: publicRow }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: placeColumnsSelect,
    }),
  ]);
  const places = new Map<string, NegotiationPlace>();
  const add = (place: PlaceView | null, role: PlaceRole) => {
    if (!place) return;
    const key = placeKey(place);
    const known = places.get(key);
    if (!known) places.set(key, { ...place, roles: [role] });
    else if (!known.roles.includes(role)) known.roles.push(role);
  };
  for (const development of developments)
    add(toPlaceView(development), development.kind === "TALKS" ? "venue" : "event");
  for (const transfer of transfers) add(toPlaceView(transfer), "handover");
  return [...places.values()];
}

export const getNegotiationPlaces = cachedReader("places", loadNegotiationPlaces, (slug) => [
  readerTags.negotiation(slug),
]);

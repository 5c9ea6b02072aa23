import type { TransferAccountView, TransferView } from "@/lib/data/reader/types";
import { reliabilityLabels } from "./labels";

const name = (actor: { name: string; shortName: string | null }) => actor.shortName ?? actor.name;

/** "Ukraine's coordination headquarters: 189, per Ukrinform, rated B: usually reliable". */
function accountPhrase(a: TransferAccountView): string {
  if (!a.source) return `${a.attribution}: ${a.text}`;
  const rating = reliabilityLabels[a.source.reliability].meaning.split(":")[0]!.toLowerCase();
  return `${a.attribution}: ${a.text}, per ${a.source.name}, rated ${a.source.reliability}: ${rating}`;
}

/**
 * "Ukraine released 390 prisoners of war to Russia in Belarus, via the ICRC (Russia's defence
 * ministry: 390; Ukraine's coordination headquarters: 389)": what, by whom, where, and any
 * differing counts side by side.
 */
export function transferSentence(t: TransferView): string {
  const where = t.place ? ` in ${t.place}` : "";
  const via = t.intermediary ? `, via ${name(t.intermediary)}` : "";
  const accounts = t.accounts.length > 0 ? ` (reported differently: ${t.accounts.map(accountPhrase).join("; ")})` : "";
  return `${name(t.releasing)} released ${t.text} to ${name(t.receiving)}${where}${via}${accounts}`;
}

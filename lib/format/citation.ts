type Attributed = { attribution: string; via: { name: string } | null };

/** Journalistic form: "according to Agence France-Presse, citing a Druze source who requested anonymity". */
export function citationPhrase(citation: Attributed): string {
  return citation.via
    ? `according to ${citation.via.name}, citing ${citation.attribution}`
    : `according to ${citation.attribution}`;
}

/** Several citations in one sentence, capitalised: "According to A; according to B, citing C." */
export function citationSentence(citations: Attributed[]): string {
  if (citations.length === 0) return "";
  const text = citations.map(citationPhrase).join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

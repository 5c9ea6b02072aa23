import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { formatPartialDate } from "@/lib/dates";
import { termsConfidence } from "@/lib/format/confidence";
import { actorShortName, confidenceWords, sideName } from "@/lib/format/directions";
import { localizedActorName, localizedSideName } from "@/lib/format/localized-actor";
import { stageLabels, termsStatusLabels } from "@/lib/format/labels";
import { drawableText } from "@/lib/share-image/drawable-text";
import { SHARE_FONT_FAMILY, shareFontRanges, shareFonts } from "@/lib/share-image/fonts";
import { RtlText } from "@/lib/share-image/rtl-text";
import { isLocale } from "@/i18n/routing";
import { embedTranslator } from "@/lib/embed";
import { intlLocale } from "@/lib/i18n-format";

export const alt = "The current terms of the negotiation";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/**
 * A share card of the current terms, generated from the same data as the page. The Arabic card
 * (/ar/…) shows the translated title and the actors' Arabic names, set right to left: rows run from
 * the right and its text goes through RtlText, since next/og has no bidirectional layout of its own.
 */
export default async function Image({ params }: { params: Promise<{ slug: string; locale?: string }> }) {
  const { slug, locale: requested } = await params;
  const locale = isLocale(requested) ? requested : "en";
  const ar = locale === "ar";
  const t = embedTranslator(locale);
  const negotiation = await getPublishedNegotiation(slug, locale);
  // Drafts and unknown addresses get a 404, like the page, not a card.
  if (!negotiation) notFound();
  // Only bundled fonts, and only text they can draw: next/og fetches anything else from the internet.
  const [fonts, ranges] = await Promise.all([shareFonts(), shareFontRanges()]);
  // Arabic text is set word by word from the right; English exactly as before.
  const draw = (text: string, fontSize: number) =>
    ar ? <RtlText text={drawableText(text, ranges)} fontSize={fontSize} /> : drawableText(text, ranges);
  const row = ar ? "row-reverse" : "row";
  const name = (actor: Parameters<typeof actorShortName>[0]) =>
    ar ? localizedActorName(actor, locale).text : actorShortName(actor);
  // Every obligation of the current terms, or as many as fit and "+N more".
  const phases = negotiation.phases.filter((p) => p.current);
  const obligations = phases.flatMap((p) => p.current!.obligations.filter((o) => !o.withdrawn));
  const shown = obligations.slice(0, obligations.length > 4 ? 3 : 4);
  const more = obligations.length - shown.length;
  const terms = phases.length === 1 ? phases[0]!.current : null;
  const caveats = confidenceWords(termsConfidence(phases.flatMap((p) => p.current!.citations)));
  const latestDate = negotiation.latestDevelopment
    ? formatPartialDate(
        new Date(negotiation.latestDevelopment.on),
        negotiation.latestDevelopment.precision,
        intlLocale(locale),
      )
    : null;
  const latest = latestDate
    ? ar
      ? t("share.latest", { date: latestDate })
      : `Latest development ${latestDate}`
    : null;
  const status = terms
    ? ar
      ? t("embed.terms", { status: t(`termsStatus.${terms.status}`) })
      : `terms ${termsStatusLabels[terms.status].toLowerCase()}`
    : phases.length > 1
      ? ar
        ? t("share.phases", { count: phases.length })
        : `${phases.length} phases`
      : ar
        ? t("card.noTerms")
        : "no terms reported yet";
  const stage = ar ? t(`stage.${negotiation.stage}`) : stageLabels[negotiation.stage].toUpperCase();
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        background: "#fafaf9",
        padding: 48,
        color: "#14213d",
        fontFamily: SHARE_FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", fontSize: 24, fontWeight: 700, color: "#b3261e" }}>
        {draw(`${ar ? "بارلي" : "PARLEY"} · ${stage} · ${status}${latest ? ` · ${latest}` : ""}`, 24)}
      </div>
      <div style={{ display: "flex", fontSize: 42, fontWeight: 700, marginTop: 12, lineHeight: 1.1 }}>
        {draw(negotiation.localized.title.text, 42)}
      </div>
      <div style={{ display: "flex", flexDirection: row, marginTop: 24, gap: 20 }}>
        {shown.map((item) => (
          <div
            key={item.id}
            style={{
              display: "flex",
              flexDirection: "column",
              border: "4px solid #14213d",
              borderRadius: 16,
              padding: 16,
              flex: 1,
            }}
          >
            <div style={{ display: "flex", fontSize: 22 }}>
              {draw(
                ar
                  ? t("share.releasesTo", { from: name(item.releasing), to: name(item.receiving) })
                  : `${actorShortName(item.releasing)} releases to ${actorShortName(item.receiving)}`,
                22,
              )}
            </div>
            <div style={{ display: "flex", fontSize: shown.length > 2 ? 30 : 40, fontWeight: 700, lineHeight: 1.1 }}>
              {draw(item.text, shown.length > 2 ? 30 : 40)}
            </div>
            <div style={{ display: "flex", fontSize: 20, marginTop: 4 }}>
              {draw(ar ? t("share.released", { progress: item.progressText }) : `${item.progressText} released`, 20)}
            </div>
          </div>
        ))}
        {more > 0 ? (
          <div style={{ display: "flex", alignItems: "center", fontSize: 32, fontWeight: 700 }}>
            {ar ? t("share.more", { count: more }) : `+${more} more`}
          </div>
        ) : null}
      </div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: 20, gap: 8 }}>
        {negotiation.sides.slice(0, 3).map((side) => (
          <div
            key={side.actor.slug}
            style={{ display: "flex", flexDirection: row, alignItems: "center", gap: 16, fontSize: 24 }}
          >
            <div style={{ display: "flex", width: 360, fontWeight: 700 }}>
              {draw(ar ? localizedSideName(side, locale).text : sideName(side), 24)}
            </div>
            <div
              style={{
                display: "flex",
                width: 420,
                height: 22,
                // The bar fills from where the line starts: the right on the Arabic card.
                justifyContent: ar ? "flex-end" : "flex-start",
                border: "2px solid #14213d",
                borderRadius: 11,
                background: "#ffffff",
                overflow: "hidden",
              }}
            >
              <div
                style={{
                  width: `${side.target ? Math.min(100, Math.round((side.releasedCount / side.target) * 100)) : 0}%`,
                  height: "100%",
                  background: "#047857",
                }}
              />
            </div>
            <div style={{ display: "flex" }}>
              {draw(ar ? t("share.released", { progress: side.progressText }) : `released ${side.progressText}`, 24)}
            </div>
          </div>
        ))}
      </div>
      {caveats.length > 0 ? (
        <div
          style={{
            display: "flex",
            marginTop: "auto",
            padding: "10px 16px",
            borderRadius: 10,
            background: "#fffbeb",
            border: "3px solid #b45309",
            color: "#78350f",
            fontSize: 24,
            fontWeight: 700,
          }}
        >
          {draw(
            ar
              ? t("share.caution", {
                  caveats: caveatWords(
                    t,
                    phases.flatMap((p) => p.current!.citations),
                  ).join(" · "),
                })
              : `Caution: ${caveats.join(" · ")}`,
            24,
          )}
        </div>
      ) : null}
    </div>,
    { ...size, fonts },
  );
}

/** The confidence marks in the card's language (Arabic; English uses confidenceWords). */
function caveatWords(
  t: ReturnType<typeof embedTranslator>,
  citations: Parameters<typeof termsConfidence>[0],
): string[] {
  const { singleAnonymousSource, unconfirmedBySides, lowestRating } = termsConfidence(citations);
  return [
    ...(singleAnonymousSource ? [t("answer.singleAnonymous")] : []),
    ...(unconfirmedBySides ? [t("answer.unconfirmed")] : []),
    ...(lowestRating ? [t("answer.weakest", { rating: lowestRating, meaning: t(`reliability.${lowestRating}`) })] : []),
  ];
}

import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { stageLabels, termsStatusLabels } from "@/lib/format/labels";
import { drawableText } from "@/lib/share-image/drawable-text";
import { SHARE_FONT_FAMILY, shareFontRanges, shareFonts } from "@/lib/share-image/fonts";

export const alt = "The current terms of the negotiation";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** A share card of the current terms, generated from the same data as the page. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const negotiation = await getPublishedNegotiation((await params).slug);
  // Drafts and unknown addresses get a 404, like the page, not a card.
  if (!negotiation) notFound();
  // Only bundled fonts, and only text they can draw: next/og fetches anything else from the internet.
  const [fonts, ranges] = await Promise.all([shareFonts(), shareFontRanges()]);
  const draw = (text: string) => drawableText(text, ranges);
  // Every obligation of the current terms, or as many as fit and "+N more".
  const phases = negotiation.phases.filter((p) => p.current);
  const obligations = phases.flatMap((p) => p.current!.obligations.filter((o) => !o.withdrawn));
  const shown = obligations.slice(0, obligations.length > 4 ? 3 : 4);
  const more = obligations.length - shown.length;
  const terms = phases.length === 1 ? phases[0]!.current : null;
  const sides = negotiation.sides.map((s) => `${s.actor.shortName ?? s.actor.name}: ${s.progressText}`).join(" · ");
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        background: "#fafaf9",
        padding: 60,
        color: "#14213d",
        fontFamily: SHARE_FONT_FAMILY,
      }}
    >
      <div style={{ fontSize: 28, fontWeight: 700, color: "#b3261e" }}>
        {draw(`PARLEY · ${stageLabels[negotiation.stage].toUpperCase()}`)}
      </div>
      <div style={{ fontSize: 52, fontWeight: 700, marginTop: 20, lineHeight: 1.1 }}>{draw(negotiation.title)}</div>
      <div style={{ display: "flex", marginTop: 40, gap: 40 }}>
        {shown.map((item) => (
          <div
            key={item.id}
            style={{
              display: "flex",
              flexDirection: "column",
              border: "4px solid #14213d",
              borderRadius: 16,
              padding: 24,
              flex: 1,
            }}
          >
            <div style={{ fontSize: 24 }}>{draw(`${item.releasing.shortName ?? item.releasing.name} releases`)}</div>
            <div style={{ fontSize: shown.length > 2 ? 36 : 52, fontWeight: 700 }}>{draw(item.text)}</div>
            <div style={{ fontSize: 22 }}>{draw(`${item.progressText} released`)}</div>
          </div>
        ))}
        {more > 0 ? (
          <div style={{ display: "flex", alignItems: "center", fontSize: 36, fontWeight: 700 }}>{`+${more} more`}</div>
        ) : null}
      </div>
      {sides ? <div style={{ fontSize: 26, marginTop: 24 }}>{draw(`Released — ${sides}`)}</div> : null}
      <div style={{ fontSize: 28, marginTop: "auto" }}>
        {draw(
          terms
            ? `Terms ${termsStatusLabels[terms.status].toLowerCase()} · version ${terms.number}`
            : phases.length > 1
              ? `${phases.length} phases`
              : "No terms reported yet",
        )}
      </div>
    </div>,
    { ...size, fonts },
  );
}

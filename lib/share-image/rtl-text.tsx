import { bidiRuns, visualArabic } from "./bidi-runs";

/**
 * A line (or paragraph) of text set right to left for next/og, which lays text out left to
 * right only: the pieces from bidiRuns in a row that starts at the right and wraps downwards.
 * `fontSize` sets the gap between words (a space at that size).
 */
export function RtlText({ text, fontSize }: { text: string; fontSize: number }) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "row-reverse",
        // The whole width of its box, so the line starts at its right edge.
        flexGrow: 1,
        flexWrap: "wrap",
        columnGap: Math.round(fontSize * 0.28),
      }}
    >
      {bidiRuns(text).map((run, index) => (
        <div key={index} style={{ display: "flex" }}>
          {run.rtl ? run.text.split(" ").map(visualArabic).join(" ") : run.text}
        </div>
      ))}
    </div>
  );
}

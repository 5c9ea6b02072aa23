import { useLocale, useTranslations } from "next-intl";
import { Untranslated } from "./untranslated";

type Attributed = { attribution: string; via: { name: string } | null };

/**
 * "According to A; according to B, citing C." in the page's language; the attributions are
 * editorial English until they have translations, so they stay marked as English.
 */
export function CitationSentence({
  citations,
  lowerCase = false,
}: {
  citations: Attributed[];
  /** Mid-sentence ("…, according to A"): no capital and no full stop. */
  lowerCase?: boolean;
}) {
  const t = useTranslations("pageTimeline");
  const words = useTranslations("pageTerms");
  const locale = useLocale();
  if (citations.length === 0) return null;
  const english = (text: string) => <Untranslated text={text} lang="en" pageLocale={locale} note={false} />;
  return (
    <>
      {citations.map((c, index) => (
        <span key={index}>
          {index > 0 ? words("list") : null}
          {c.via
            ? t.rich(index === 0 && !lowerCase ? "accordingFirstVia" : "accordingVia", {
                via: () => english(c.via!.name),
                who: () => english(c.attribution),
              })
            : t.rich(index === 0 && !lowerCase ? "accordingFirst" : "according", { who: () => english(c.attribution) })}
        </span>
      ))}
      {lowerCase ? null : t("citationsEnd")}
    </>
  );
}

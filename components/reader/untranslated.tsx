import { useTranslations } from "next-intl";

/** An editorial field as stored: its text and the language it is written in. */
export type LocalizedText = { text: string; lang: string };

/**
 * Editorial text on a page of any language. Text in the page's language is shown as is; text
 * still in another language (an item published before its translation) is marked with its own
 * `lang` (screen readers switch voice, the right font and hyphenation apply) and a short note
 * saying so. `dir="auto"` lets English run left-to-right inside an Arabic page.
 */
export function Untranslated({
  text,
  lang,
  pageLocale,
  note = true,
}: {
  text: string;
  /** The language the text is written in. */
  lang: string;
  pageLocale: string;
  /** False where one note already covers several fields (or the field is a link name). */
  note?: boolean;
}) {
  if (lang === pageLocale) return <>{text}</>;
  return (
    <>
      <span lang={lang} dir="auto">
        {text}
      </span>
      {note ? (
        <>
          {" "}
          <UntranslatedNote lang={lang} pageLocale={pageLocale} />
        </>
      ) : null}
    </>
  );
}

/** The note alone ("النص بالإنجليزية"), for text marked elsewhere; nothing when the languages agree. */
export function UntranslatedNote({ lang, pageLocale }: { lang: string; pageLocale: string }) {
  const t = useTranslations("untranslated");
  if (lang === pageLocale) return null;
  return (
    <span
      className="align-middle text-xs font-normal text-stone-600 dark:text-stone-400"
      data-testid="untranslated-note"
    >
      ({t("note", { lang })})
    </span>
  );
}

import { useTranslations } from "next-intl";
import type { TransferView } from "@/lib/data/reader/types";
import { obligationText, quantityText } from "@/lib/format/reader-words";
import { ActorName } from "./actor-name";
import { Untranslated } from "./untranslated";
import { useReaderWords } from "./use-reader-words";

/**
 * "Ukraine released 390 prisoners of war to Russia in Belarus, via the ICRC (reported differently:
 * Russia's defence ministry: 390; …)" in the page's language. Names and places not yet in that
 * language stay marked with theirs.
 */
export function TransferLine({ transfer: tr }: { transfer: TransferView }) {
  const t = useTranslations("pageTimeline");
  const reliability = useTranslations("reliability");
  const words = useReaderWords();
  const { locale } = words;
  const english = (text: string) => <Untranslated text={text} lang="en" pageLocale={locale} note={false} />;
  return (
    <>
      {t.rich("transfer", {
        from: () => <ActorName actor={tr.releasing} pageLocale={locale} />,
        to: () => <ActorName actor={tr.receiving} pageLocale={locale} />,
        what: obligationText(words, tr.quantity, tr.category),
      })}
      {tr.place ? t.rich("transferPlace", { place: () => english(tr.place) }) : null}
      {tr.intermediary
        ? t.rich("transferVia", { via: () => <ActorName actor={tr.intermediary!} pageLocale={locale} /> })
        : null}
      {tr.accounts.length > 0
        ? t.rich("reportedDifferently", {
            list: () =>
              tr.accounts.map((a, index) => (
                <span key={index}>
                  {index > 0 ? words.t("list") : null}
                  {a.source
                    ? t.rich("accountSourced", {
                        who: () => english(a.attribution),
                        count: quantityText(words, a.quantity),
                        source: () => english(a.source!.name),
                        rating: a.source.reliability,
                        meaning: reliability(a.source.reliability),
                      })
                    : t.rich("account", { who: () => english(a.attribution), count: quantityText(words, a.quantity) })}
                </span>
              )),
          })
        : null}
    </>
  );
}

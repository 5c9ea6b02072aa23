/**
 * A name whose hyphenated words never break at the hyphen ("al-Hijri" stays whole).
 * The text stays as written (no U+2011 substitution), so search, copy and find-in-page still match it.
 */
export function NoBreakName({ name }: { name: string }) {
  const words = name.split(/(\s+)/);
  return (
    <>
      {words.map((word, index) =>
        word.includes("-") ? (
          <span key={index} className="whitespace-nowrap">
            {word}
          </span>
        ) : (
          word
        ),
      )}
    </>
  );
}

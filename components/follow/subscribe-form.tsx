import { Button } from "@/components/ui/button";

/** Every visible string, in one place, to move into the message catalogs with the Arabic work. */
export const subscribeFormText = {
  headingOne: "Get an e-mail when this negotiation moves",
  headingAll: "Get an e-mail when any negotiation moves",
  explanation:
    "New developments, corrections, published terms and stage changes, gathered into one message. No account: we send a confirmation link first, and every alert has a one-click unsubscribe.",
  emailLabel: "E-mail address",
  submit: "Subscribe",
};

/**
 * The reader's alert sign-up: a plain form posting to /api/follow/subscribe, so it works without
 * JavaScript and keeps the page it sits on cacheable (it holds nothing about the reader).
 */
export function SubscribeForm({
  negotiationSlug,
  text = subscribeFormText,
}: {
  negotiationSlug?: string;
  /** The wording in the page's language (English by default). */
  text?: typeof subscribeFormText;
}) {
  const field = negotiationSlug ? `follow-email-${negotiationSlug}` : "follow-email";
  return (
    <section
      aria-labelledby={`${field}-heading`}
      className="mt-10 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      data-testid="subscribe-form"
    >
      <h2 id={`${field}-heading`} className="font-serif text-xl font-bold">
        {negotiationSlug ? text.headingOne : text.headingAll}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">{text.explanation}</p>
      <form method="post" action="/api/follow/subscribe" className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="negotiation" value={negotiationSlug ?? ""} />
        <label htmlFor={field} className="grid gap-1 text-sm font-medium">
          {text.emailLabel}
          <input
            id={field}
            name="email"
            type="email"
            required
            maxLength={320}
            autoComplete="email"
            className="rounded border border-stone-300 px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
          />
        </label>
        <Button type="submit">{text.submit}</Button>
      </form>
    </section>
  );
}

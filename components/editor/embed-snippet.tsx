"use client";

import { useState } from "react";

/** The iframe snippet news sites paste into an article, with a copy button. */
export function EmbedSnippet({ snippet }: { snippet: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-2">
      <label htmlFor="embed-snippet" className="text-sm font-medium">
        Embed the terms card in an article
      </label>
      <textarea
        id="embed-snippet"
        readOnly
        rows={4}
        value={snippet}
        className="rounded border border-stone-300 bg-stone-50 p-2 font-mono text-xs dark:border-stone-600 dark:bg-stone-900"
        onFocus={(e) => e.target.select()}
      />
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="rounded px-3 py-1.5 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
          onClick={async () => {
            await navigator.clipboard.writeText(snippet);
            setCopied(true);
          }}
        >
          Copy snippet
        </button>
        <span role="status" className="text-sm">
          {copied ? "Copied." : ""}
        </span>
      </div>
    </div>
  );
}

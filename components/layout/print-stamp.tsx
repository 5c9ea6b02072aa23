"use client";

import { useEffect, useState } from "react";

/**
 * On paper only: where the page came from and when it was printed, so a printout can be
 * traced back and its age judged. Set at print time (the server cannot know it). The server
 * layout hands over the page language's sentence ("Printed from {url} on {date}") and Intl
 * locale, so the client needs no message catalog for it.
 */
export function PrintStamp({ template, intlLocale }: { template: string; intlLocale: string }) {
  const [stamp, setStamp] = useState("");
  useEffect(() => {
    const format = new Intl.DateTimeFormat(intlLocale, { dateStyle: "long", timeStyle: "short" });
    const update = () =>
      setStamp(template.replace("{url}", window.location.href).replace("{date}", format.format(new Date())));
    update();
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, [template, intlLocale]);
  return (
    <p className="hidden border-t border-black pt-2 text-xs print:block" data-testid="print-stamp">
      {/* The address is a left-to-right run inside an Arabic sentence. */}
      <bdi>{stamp}</bdi>
    </p>
  );
}

"use client";

import { useEffect, useState } from "react";

const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" });

/**
 * On paper only: where the page came from and when it was printed, so a printout can be
 * traced back and its age judged. Set at print time (the server cannot know it).
 */
export function PrintStamp() {
  const [stamp, setStamp] = useState("");
  useEffect(() => {
    const update = () => setStamp(`Printed from ${window.location.href} on ${format.format(new Date())}`);
    update();
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, []);
  return (
    <p className="hidden border-t border-black pt-2 text-xs print:block" data-testid="print-stamp">
      {stamp}
    </p>
  );
}

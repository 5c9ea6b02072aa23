import { notFound } from "next/navigation";

/** Any other address under a locale: that locale's 404 page (app/[locale]/not-found.tsx). */
export default function UnknownPage() {
  notFound();
}

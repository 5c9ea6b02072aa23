import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/admin/source-form";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "New source", robots: { index: false } };

export default async function NewSourcePage() {
  const { allowed } = await pageAccess("admin", "/admin/sources/new");
  if (!allowed) return <Forbidden what="Sources are managed by admins." />;
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/sources" className="underline">
          ← Sources
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">New source</h1>
      <div className="mt-6">
        <SourceForm
          initial={{
            name: "",
            kind: "OUTLET",
            url: "",
            language: "",
            publicDescription: "",
            reliability: "F",
            ratingRationale: "",
            confidentialNotes: "",
            contactConditions: "",
          }}
        />
      </div>
    </>
  );
}

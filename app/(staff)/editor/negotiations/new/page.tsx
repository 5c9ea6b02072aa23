import type { Metadata } from "next";
import Link from "next/link";
import { NegotiationForm } from "@/components/editor/negotiation-form";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "New negotiation", robots: { index: false } };

export default async function NewNegotiationPage() {
  const { allowed } = await pageAccess("journalist", "/editor/negotiations/new");
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  return (
    <>
      <p className="text-sm">
        <Link href="/editor" className="underline">
          ← Editor
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">New negotiation</h1>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        It stays a draft, invisible to readers, until you publish it.
      </p>
      <div className="mt-6">
        <NegotiationForm initial={{ title: "", slug: "", summary: "", region: "", country: "", stage: "PRE_TALKS" }} />
      </div>
    </>
  );
}

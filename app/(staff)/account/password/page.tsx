import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { pageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Change password", robots: { index: false } };

export default async function ChangePasswordPage() {
  await pageAccess("user", "/account/password");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="font-serif text-3xl font-bold">Change password</h1>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <ChangePasswordForm />
      </div>
    </div>
  );
}

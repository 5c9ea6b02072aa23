"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInSchema } from "@/lib/validation/auth";

type FieldErrors = Partial<Record<"email" | "password", string[]>>;

/** Turns next-auth's error code into a message that never says whether the account exists. */
function describeSignInError(code: string): string {
  if (code.startsWith("locked:")) {
    const minutes = Math.max(1, Math.ceil(Number(code.split(":")[1]) / 60));
    return `Too many failed sign-in attempts. For your security, sign-in is paused; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === "CredentialsSignin" || code === "invalid-input") {
    return "The e-mail address and password do not match an active staff account.";
  }
  return "Sign-in is not available right now. Please try again in a moment.";
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState(initialError ? describeSignInError(initialError) : "");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) (errors[issue.path[0] as keyof FieldErrors] ??= []).push(issue.message);
      setFieldErrors(errors);
      setFormError("");
      return;
    }
    setFieldErrors({});
    setFormError("");
    setPending(true);
    try {
      // Checked again here, not only by the page: this is where the browser is sent.
      const target = safeCallbackUrl(callbackUrl);
      const result = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl: target });
      if (!result || result.error) {
        setFormError(describeSignInError(result?.error ?? "unavailable"));
        return;
      }
      router.replace(target);
      router.refresh();
    } catch {
      setFormError(describeSignInError("unavailable"));
    } finally {
      setPending(false);
    }
  }

  return (
    // method="post": a submit before the page has hydrated must never put the password in the address.
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={fieldErrors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

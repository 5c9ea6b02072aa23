"use client";

import { ActionForm, errorsFor } from "@/components/staff/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/account";
import { PASSWORD_MIN } from "@/lib/validation/auth";

export function ChangePasswordForm() {
  return (
    <ActionForm
      action={changePasswordAction}
      successMessage="Password changed. Your other sessions have been signed out."
      className="grid gap-4"
    >
      {({ result, pending }) => (
        <>
          <Field
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsFor(result, "currentPassword")}
          />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong, memorable password.`}
            errors={errorsFor(result, "newPassword")}
          />
          <Field
            name="confirmPassword"
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            required
            errors={errorsFor(result, "confirmPassword")}
          />
          <Button type="submit" pending={pending}>
            {pending ? "Saving…" : "Change password"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

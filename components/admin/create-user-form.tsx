"use client";

import { ActionForm, errorsFor, valueOf } from "@/components/staff/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createStaffUserAction } from "@/lib/actions/users";
import { PASSWORD_MIN } from "@/lib/validation/auth";

export function CreateUserForm() {
  return (
    <ActionForm
      action={createStaffUserAction}
      successMessage="Account created. Share the temporary password privately."
      className="grid gap-4 sm:grid-cols-2"
    >
      {({ result, pending }) => (
        <>
          <Field
            name="name"
            label="Name"
            required
            defaultValue={valueOf(result, "name")}
            errors={errorsFor(result, "name")}
          />
          <Field
            name="email"
            label="E-mail"
            type="email"
            required
            defaultValue={valueOf(result, "email")}
            errors={errorsFor(result, "email")}
          />
          <div className="grid gap-1">
            <label htmlFor="role" className="text-sm font-medium">
              Role
            </label>
            <select
              id="role"
              name="role"
              defaultValue={valueOf(result, "role") ?? "JOURNALIST"}
              className="rounded border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900"
            >
              <option value="JOURNALIST">Journalist</option>
              <option value="ADMIN">Admin</option>
            </select>
          </div>
          <Field
            name="password"
            label="Temporary password"
            type="password"
            autoComplete="new-password"
            required
            hint={`At least ${PASSWORD_MIN} characters; they should change it after signing in.`}
            errors={errorsFor(result, "password")}
          />
          <div className="sm:col-span-2">
            <Button type="submit" pending={pending}>
              {pending ? "Creating…" : "Create account"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

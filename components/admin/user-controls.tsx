"use client";

import { ActionForm } from "@/components/staff/action-form";
import { Button } from "@/components/ui/button";
import { resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/lib/actions/users";

type Props = { userId: string; name: string; role: "JOURNALIST" | "ADMIN"; active: boolean };

export function UserControls({ userId, name, role, active }: Props) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm action={setUserRoleAction} className="flex items-center gap-2">
        {({ pending }) => (
          <>
            <input type="hidden" name="userId" value={userId} />
            <label className="sr-only" htmlFor={`role-${userId}`}>
              Role for {name}
            </label>
            <select
              id={`role-${userId}`}
              name="role"
              defaultValue={role}
              className="rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900"
            >
              <option value="JOURNALIST">Journalist</option>
              <option value="ADMIN">Admin</option>
            </select>
            <Button type="submit" variant="secondary" pending={pending} aria-label={`Save role for ${name}`}>
              Save role
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={resetUserPasswordAction}>
        {({ result, pending }) => (
          <>
            <input type="hidden" name="userId" value={userId} />
            <Button type="submit" variant="secondary" pending={pending} aria-label={`Reset the password of ${name}`}>
              Reset password
            </Button>
            {result?.ok ? (
              <p role="status" className="mt-2 text-sm">
                Temporary password (shown once; share it privately):{" "}
                <code className="select-all rounded bg-stone-100 px-1 dark:bg-stone-800">
                  {(result.data as { temporaryPassword: string }).temporaryPassword}
                </code>
              </p>
            ) : null}
          </>
        )}
      </ActionForm>
      <ActionForm action={setUserActiveAction}>
        {({ pending }) => (
          <>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={active ? "false" : "true"} />
            <Button
              type="submit"
              variant={active ? "danger" : "secondary"}
              pending={pending}
              aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}
            >
              {active ? "Deactivate" : "Reactivate"}
            </Button>
          </>
        )}
      </ActionForm>
    </div>
  );
}

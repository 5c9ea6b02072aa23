"use server";

import { revalidatePath } from "next/cache";
import { createStaffUser, resetUserPassword, setUserActive, setUserRole } from "@/lib/data/users";
import { createUserSchema, setActiveSchema, setRoleSchema, userIdSchema } from "@/lib/validation/auth";
import { adminAction } from "./define-action";

function refreshUserList() {
  revalidatePath("/admin/users");
}

export const createStaffUserAction = adminAction(createUserSchema, async (input) => {
  const user = await createStaffUser(input);
  refreshUserList();
  return { id: user.id };
});

export const setUserRoleAction = adminAction(setRoleSchema, async (input) => {
  await setUserRole(input);
  refreshUserList();
});

export const setUserActiveAction = adminAction(setActiveSchema, async (input) => {
  await setUserActive(input);
  refreshUserList();
});

export const resetUserPasswordAction = adminAction(userIdSchema, (input) => resetUserPassword(input));

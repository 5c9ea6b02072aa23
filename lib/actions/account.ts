"use server";

import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { reissueSessionCookie } from "@/lib/auth/session-cookie";
import { changeOwnPassword } from "@/lib/data/users";
import { changePasswordSchema } from "@/lib/validation/auth";
import { userAction } from "./define-action";

export const changePasswordAction = userAction(changePasswordSchema, async (input) => {
  const { sessionVersion } = await changeOwnPassword(input);
  await reissueSessionCookie(sessionVersion, SESSION_MAX_AGE_SECONDS);
});

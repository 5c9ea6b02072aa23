import { z } from "zod";
import { roles } from "./enums";

// Long enough for passphrases; short enough that hashing cannot be used to exhaust the server.
export const PASSWORD_MAX = 256;
export const PASSWORD_MIN = 12;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your e-mail address.")
  .max(254, "E-mail addresses are at most 254 characters.")
  .pipe(z.email("Enter a valid e-mail address, like name@example.org."))
  .transform((email) => email.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
});

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((value) => value.trim().length === value.length, "Passwords cannot start or end with a space.");

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(PASSWORD_MAX, "That is not your current password."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export const roleSchema = z.enum(roles, "Choose journalist or admin.");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  role: roleSchema,
  password: newPasswordSchema,
});

export const userIdSchema = z.object({ userId: z.uuid("Unknown user.") });
export const setRoleSchema = userIdSchema.extend({ role: roleSchema });
export const setActiveSchema = userIdSchema.extend({ active: z.stringbool().or(z.boolean()) });

import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-ink text-white hover:opacity-90 disabled:opacity-60 dark:bg-stone-100 dark:text-stone-900",
  secondary:
    "bg-white text-stone-900 ring-1 ring-stone-300 hover:bg-stone-100 dark:bg-stone-900 dark:text-stone-100 dark:ring-stone-600",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60",
} as const;

export function Button({
  variant = "primary",
  pending = false,
  className = "",
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants; pending?: boolean }) {
  return (
    <button
      {...props}
      disabled={props.disabled || pending}
      aria-busy={pending || undefined}
      className={`inline-flex items-center justify-center rounded px-4 py-2 text-sm font-medium ${variants[variant]} ${className}`}
    >
      {children}
    </button>
  );
}

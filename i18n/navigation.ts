import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Locale-aware Link, redirect and hooks: `<Link href="/actors/x">` points at /ar/actors/x on Arabic pages. */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);

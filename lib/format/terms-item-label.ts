import { formatItem, type CountFields } from "./terms";
import type { ReleaseCategory } from "@/lib/generated/prisma/enums";

/** "v2: Syrian government releases 61 civilians" for pickers in the editor. */
export function termsItemLabel(
  versionNumber: number,
  item: CountFields & { category: ReleaseCategory; releasingActor: { name: string } },
): string {
  return `v${versionNumber}: ${item.releasingActor.name} releases ${formatItem(item)}`;
}

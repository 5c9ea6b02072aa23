import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Stage } from "@/lib/generated/prisma/enums";
import { useTranslations } from "next-intl";

const stageTones: Record<Stage, BadgeTone> = {
  PRE_TALKS: "neutral",
  TALKS: "live",
  AGREEMENT: "live",
  IMPLEMENTATION: "live",
  CONCLUDED: "done",
  COLLAPSED: "alert",
  STALLED: "alert",
  SUSPENDED: "alert",
};

export function StageBadge({ stage }: { stage: Stage }) {
  const t = useTranslations();
  return (
    <Badge tone={stageTones[stage]} label={t("answer.stage")}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}

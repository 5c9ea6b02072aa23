import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Stage } from "@/lib/generated/prisma/enums";
import { stageLabels } from "@/lib/format/labels";

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
  return (
    <Badge tone={stageTones[stage]} label="Stage">
      {stageLabels[stage]}
    </Badge>
  );
}

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ROADMAP_STATUS_LABELS, type RoadmapStatus } from "@/lib/domain";

const TONE: Record<RoadmapStatus, BadgeTone> = {
  planned: "slate",
  in_progress: "blue",
  done: "green",
  deferred: "amber",
  dropped: "slate",
};

export function RoadmapStatusBadge({ status }: { status: RoadmapStatus }) {
  return <Badge tone={TONE[status]}>{ROADMAP_STATUS_LABELS[status]}</Badge>;
}

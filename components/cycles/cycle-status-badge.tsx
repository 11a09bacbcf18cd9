import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CycleStatus } from "@/lib/domain";

const TONE: Record<CycleStatus, BadgeTone> = { planning: "slate", active: "green", released: "violet" };
const LABEL: Record<CycleStatus, string> = { planning: "Planning", active: "Active", released: "Released" };

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}

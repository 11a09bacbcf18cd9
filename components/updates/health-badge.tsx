import { Badge, type BadgeTone } from "@/components/ui/badge";
import { HEALTH_LABELS, type Health } from "@/lib/domain";

const TONE: Record<Health, BadgeTone> = {
  on_track: "green",
  at_risk: "amber",
  off_track: "orange",
  blocked: "red",
  done: "blue",
};

export const HEALTH_SYMBOLS: Record<Health, string> = { on_track: "●", at_risk: "▲", off_track: "◆", blocked: "■", done: "✓" };

/** Health never rests on colour alone: each value has its own symbol and word. */
export function HealthBadge({ health }: { health: Health }) {
  return (
    <Badge tone={TONE[health]}>
      <span aria-hidden="true">{HEALTH_SYMBOLS[health]}</span>
      {HEALTH_LABELS[health]}
    </Badge>
  );
}

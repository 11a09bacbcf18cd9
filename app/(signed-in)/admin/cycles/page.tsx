import type { Metadata } from "next";
import Link from "next/link";
import { CycleStatusBadge } from "@/components/cycles/cycle-status-badge";
import { NotAllowed } from "@/components/site/not-allowed";
import { Card, SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { requestTime } from "@/lib/dal/cache/cache";
import { getCyclesForManaging } from "@/lib/dal/cycles/admin";
import { formatDay, todayIso } from "@/lib/dates";
import { METRIC_KIND_LABELS } from "@/lib/domain";
import { AdminShell, mayOpen } from "../admin-nav";
import {
  AddGatheringForm,
  AddMilestoneForm,
  AddTopicForm,
  CycleDetailsForm,
  CycleStatusForm,
  EditGatheringForm,
  EditMetricForm,
  EditMilestoneForm,
  EditTopicForm,
  GatheringRecapForm,
  MilestoneDoneForm,
  NewCycleForm,
  NewMetricForm,
  ReopenMilestoneButton,
} from "./cycle-forms";

export const metadata: Metadata = { title: "Cycles · Admin" };
export const instant = false;

export default async function ManageCyclesPage() {
  const actor = await requireSignedIn("/admin/cycles");
  if (!mayOpen(actor, "/admin/cycles")) return <NotAllowed />;
  const { cycles, metrics, teams } = getCyclesForManaging({ actor });
  const today = todayIso(await requestTime());
  return (
    <AdminShell current="/admin/cycles" actor={actor}>
      <div className="space-y-6">
        <Card>
          <SectionHeading id="new-cycle">Start a new cycle</SectionHeading>
          <NewCycleForm cycles={cycles} />
        </Card>
        {cycles.map((cycle) => (
          <Card key={cycle.slug}>
            <SectionHeading id={`cycle-${cycle.slug}`} aside={<CycleStatusBadge status={cycle.status} />}>
              <Link href={`/cycles/${cycle.slug}`} className="hover:underline">
                {cycle.name}
              </Link>
              <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
                {formatDay(cycle.startsOn)} – {formatDay(cycle.targetReleaseOn)}
              </span>
            </SectionHeading>
            <CycleStatusForm cycle={cycle.slug} status={cycle.status} releasedOn={cycle.releasedOn} today={today} />
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Dates and summary</summary>
              <div className="mt-3">
                <CycleDetailsForm cycle={cycle} />
              </div>
            </details>
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Milestones ({cycle.milestones.length})</summary>
              <ul className="mt-2 space-y-2 text-sm">
                {cycle.milestones.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      {m.name} · due {formatDay(m.dueOn)}
                      {m.doneOn ? ` · done ${formatDay(m.doneOn)}` : ""}
                    </span>
                    {m.doneOn ? (
                      <ReopenMilestoneButton id={m.id} name={m.name} />
                    ) : (
                      <MilestoneDoneForm id={m.id} name={m.name} today={today} />
                    )}
                    <details className="w-full">
                      <summary className="cursor-pointer text-xs">Rename or move {m.name}</summary>
                      <EditMilestoneForm milestone={m} />
                    </details>
                  </li>
                ))}
              </ul>
              <div className="mt-3">
                <AddMilestoneForm cycle={cycle.slug} />
              </div>
            </details>
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Gatherings ({cycle.gatherings.length})</summary>
              <ul className="mt-2 space-y-2 text-sm">
                {cycle.gatherings.map((g) => (
                  <li key={g.slug}>
                    <details>
                      <summary className="cursor-pointer">
                        {g.name} · {formatDay(g.startsOn)} – {formatDay(g.endsOn)}
                      </summary>
                      <p className="mt-1">
                        <Link href={`/gatherings/${g.slug}`} className="underline">
                          Recap of {g.name}
                        </Link>
                      </p>
                      <EditGatheringForm cycle={cycle.slug} gathering={g} otherCycles={cycles.filter((c) => c.slug !== cycle.slug)} />
                      <details className="mt-3">
                        <summary className="cursor-pointer">Write the recap of {g.name}</summary>
                        <div className="mt-2">
                          <GatheringRecapForm gathering={g} teams={teams} />
                        </div>
                      </details>
                    </details>
                  </li>
                ))}
              </ul>
              <div className="mt-3">
                <AddGatheringForm cycle={cycle.slug} otherCycles={cycles.filter((c) => c.slug !== cycle.slug)} />
              </div>
            </details>
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Community topics ({cycle.topics.length})</summary>
              <ul className="mt-2 space-y-2 text-sm">
                {cycle.topics.map((t) => (
                  <li key={t.id}>
                    <details>
                      <summary className="cursor-pointer">
                        {t.title} · {t.outcome === "decision" ? "decided" : "no decision yet"}
                      </summary>
                      <div className="mt-2">
                        <EditTopicForm cycle={cycle.slug} topic={t} gatherings={cycle.topicGatherings} />
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
              <div className="mt-3">
                <AddTopicForm cycle={cycle.slug} gatherings={cycle.topicGatherings} />
              </div>
            </details>
          </Card>
        ))}
        <Card>
          <SectionHeading id="metrics">Metrics</SectionHeading>
          <ul className="mb-4 space-y-2 text-sm">
            {metrics.map((m) => (
              <li key={m.key}>
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{m.label}</span> · {m.team ?? "community"} · {METRIC_KIND_LABELS[m.kind].toLowerCase()}
                    {m.kind === "decimal" ? ` (${m.decimals} decimals)` : ""}, {m.aggregation}
                    {m.retired ? " · retired" : ""}
                  </summary>
                  <EditMetricForm metric={m} />
                </details>
              </li>
            ))}
          </ul>
          <NewMetricForm teams={teams} />
        </Card>
      </div>
    </AdminShell>
  );
}

import type { Metadata } from "next";
import { NotAllowed } from "@/components/site/not-allowed";
import { Badge } from "@/components/ui/badge";
import { Card, SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { listShepherdCandidates, listTeamsForAdmin } from "@/lib/dal/teams/admin";
import { AdminShell, mayOpen } from "../admin-nav";
import { ArrangeTeamButton, CreateTeamForm, EditTeamForm } from "./team-forms";

export const metadata: Metadata = { title: "Teams · Admin" };
export const instant = false;

export default async function AdminTeamsPage() {
  const actor = await requireSignedIn("/admin/teams");
  if (!mayOpen(actor, "/admin/teams")) return <NotAllowed />;
  const teams = listTeamsForAdmin({ actor });
  const shepherds = listShepherdCandidates({ actor }).map((p) => ({ value: p.id, label: p.name }));
  const active = teams.filter((t) => !t.archived);
  return (
    <AdminShell current="/admin/teams" actor={actor}>
      <div className="space-y-6">
        <Card>
          <SectionHeading id="new-team">Add a team</SectionHeading>
          <CreateTeamForm />
        </Card>
        <section aria-labelledby="teams-heading">
          <SectionHeading id="teams-heading">Teams, in the order boards show them</SectionHeading>
          <ul className="space-y-3">
            {teams.map((team) => {
              const position = active.findIndex((t) => t.id === team.id);
              return (
                <Card as="li" key={team.id}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{team.name}</span>
                      <span className="text-sm text-slate-600 dark:text-slate-400">/{team.slug}</span>
                      {team.shepherdName ? <Badge tone="blue">Shepherd · {team.shepherdName}</Badge> : null}
                      {team.archived ? <Badge tone="slate">Archived</Badge> : null}
                    </div>
                    <div className="flex flex-wrap gap-2">
                      {position > 0 ? <ArrangeTeamButton id={team.id} op="up" label={`Move ${team.name} up`} /> : null}
                      {position !== -1 && position < active.length - 1 ? (
                        <ArrangeTeamButton id={team.id} op="down" label={`Move ${team.name} down`} />
                      ) : null}
                      <ArrangeTeamButton
                        id={team.id}
                        op={team.archived ? "restore" : "archive"}
                        label={team.archived ? `Restore ${team.name}` : `Archive ${team.name}`}
                      />
                    </div>
                  </div>
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm">Edit</summary>
                    <div className="mt-3">
                      <EditTeamForm team={team} shepherds={shepherds} />
                    </div>
                  </details>
                </Card>
              );
            })}
          </ul>
        </section>
      </div>
    </AdminShell>
  );
}

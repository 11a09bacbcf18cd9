import type { Metadata } from "next";
import { NotAllowed } from "@/components/site/not-allowed";
import { Badge } from "@/components/ui/badge";
import { Card, SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { listPeople } from "@/lib/dal/people/admin";
import { listTeamsForAdmin } from "@/lib/dal/teams/admin";
import { ROLE_LABELS } from "@/lib/domain";
import { AdminShell, mayOpen } from "../admin-nav";
import { CreatePersonForm, EditPersonForm } from "./person-forms";

export const metadata: Metadata = { title: "People" };
export const instant = false;

export default async function PeoplePage() {
  const actor = await requireSignedIn("/admin/people");
  if (!mayOpen(actor, "/admin/people")) return <NotAllowed />;
  const people = listPeople({ actor });
  const teams = listTeamsForAdmin({ actor })
    .filter((t) => !t.archived)
    .map((t) => ({ value: t.slug, label: t.name }));
  return (
    <AdminShell current="/admin/people" actor={actor}>
      <div className="space-y-6">
        <Card>
          <SectionHeading id="new-person">Add a person</SectionHeading>
          <CreatePersonForm teams={teams} />
        </Card>
        <section aria-labelledby="people-heading">
          <SectionHeading id="people-heading">People ({people.length})</SectionHeading>
          <ul className="space-y-3">
            {people.map((person) => (
              <Card as="li" key={person.id}>
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                    <span className="font-medium">{person.name}</span>
                    <span className="text-sm text-slate-600 dark:text-slate-400">{person.email}</span>
                    <Badge tone={person.role === "admin" ? "violet" : person.role === "release_manager" ? "blue" : "slate"}>
                      {ROLE_LABELS[person.role]}
                    </Badge>
                    {person.leads.map((l) => (
                      <Badge key={l.slug} tone="green">
                        Lead · {l.name}
                      </Badge>
                    ))}
                    {person.active ? null : <Badge tone="red">Deactivated</Badge>}
                  </summary>
                  <div className="mt-4">
                    <EditPersonForm person={person} teams={teams} />
                  </div>
                </details>
              </Card>
            ))}
          </ul>
        </section>
      </div>
    </AdminShell>
  );
}

"use client";

import { useActionState, useState } from "react";
import { Button, SelectField } from "@/components/ui/form";
import { startUpdateAction } from "../actions";

interface Props {
  teams: { slug: string; name: string }[];
  cycles: { slug: string; name: string }[];
  lastUpdates: { teamSlug: string; last: { headline: string; cycleName: string } | null }[];
  team: string;
  cycle: string;
}

export function StartUpdateForm({ teams, cycles, lastUpdates, team, cycle }: Props) {
  const [state, action, pending] = useActionState(startUpdateAction, null);
  const [teamSlug, setTeamSlug] = useState(team);
  const last = lastUpdates.find((l) => l.teamSlug === teamSlug)?.last;
  return (
    <form action={action} className="space-y-4">
      <SelectField
        name="team"
        label="Team"
        options={teams.map((t) => ({ value: t.slug, label: t.name }))}
        defaultValue={team}
        onChange={setTeamSlug}
      />
      <SelectField name="cycle" label="Cycle" options={cycles.map((c) => ({ value: c.slug, label: c.name }))} defaultValue={cycle} />
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {last ? (
          <Button type="submit" name="start" value="prefill" disabled={pending}>
            Start from the last update ({last.cycleName}: {last.headline})
          </Button>
        ) : null}
        <Button type="submit" name="start" value="blank" variant={last ? "secondary" : "primary"} disabled={pending}>
          Start blank
        </Button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Either way you get a draft that only your team&apos;s leads and the release managers can see until you publish it.
      </p>
    </form>
  );
}

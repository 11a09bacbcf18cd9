"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, SelectField } from "@/components/ui/form";
import type { OpenDraft } from "@/lib/dal/updates/editor";
import { formatTimestamp } from "@/lib/dates";
import { startUpdateAction } from "../actions";

interface Props {
  teams: { slug: string; name: string }[];
  cycles: { slug: string; name: string; status: string }[];
  lastUpdates: { teamSlug: string; last: { headline: string; cycleName: string } | null }[];
  drafts: OpenDraft[];
  team: string;
  cycle: string;
}

export function StartUpdateForm({ teams, cycles, lastUpdates, drafts, team, cycle }: Props) {
  const [state, action, pending] = useActionState(startUpdateAction, null);
  const [teamSlug, setTeamSlug] = useState(team);
  const [cycleSlug, setCycleSlug] = useState(cycle);
  const last = lastUpdates.find((l) => l.teamSlug === teamSlug)?.last;
  const open = drafts.find((d) => d.teamSlug === teamSlug && d.cycleSlug === cycleSlug);
  return (
    <form action={action} className="space-y-4">
      <SelectField
        name="team"
        label="Team"
        options={teams.map((t) => ({ value: t.slug, label: t.name }))}
        defaultValue={team}
        onChange={setTeamSlug}
      />
      <SelectField
        name="cycle"
        label="Cycle"
        options={cycles.map((c) => ({ value: c.slug, label: c.status === "released" ? `${c.name} (released: history)` : c.name }))}
        defaultValue={cycle}
        onChange={setCycleSlug}
      />
      {open ? (
        <div
          role="status"
          className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          <p>
            Your team already has a draft for {open.cycleName}: <strong>{open.headline}</strong>, last saved{" "}
            {formatTimestamp(open.updatedAt)}. Continue it, or start a new one beside it.
          </p>
          <Link
            href={`/updates/${open.id}/edit`}
            className="inline-flex items-center rounded-md bg-accent-600 px-3 py-2 text-sm font-medium text-white hover:bg-accent-700"
          >
            Continue the draft
          </Link>
        </div>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {last ? (
          <Button type="submit" name="start" value="prefill" disabled={pending} variant={open ? "secondary" : "primary"}>
            Start from the last update ({last.cycleName}: {last.headline})
          </Button>
        ) : null}
        <Button type="submit" name="start" value="blank" variant={last || open ? "secondary" : "primary"} disabled={pending}>
          Start blank
        </Button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Starting from the last update copies what carries forward (in progress, planned, risks and help wanted), not what was done. Either
        way you get a draft that only your team&apos;s leads and the release managers can see until you publish it.
      </p>
    </form>
  );
}

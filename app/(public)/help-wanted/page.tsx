import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { HelpRequestTitle } from "@/components/teams/help-request-title";
import { listCycles } from "@/lib/dal/cycles/reads";
import { getHelpWanted } from "@/lib/dal/views/help-wanted";
import { listTeams } from "@/lib/dal/teams/reads";

export const metadata: Metadata = { title: "Help wanted" };
export const instant = false;

const pick = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function HelpWantedPage({ searchParams }: PageProps<"/help-wanted">) {
  const params = await searchParams;
  const filters = { team: pick(params.team), cycle: pick(params.cycle) };
  const [entries, teams, cycles] = await Promise.all([getHelpWanted(filters), listTeams(), listCycles()]);
  const select = "ml-2 rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Help wanted</h1>
        <p className="mt-1 max-w-2xl text-slate-700 dark:text-slate-300">
          Where the teams would welcome a hand. Each has a link to the work and a way to reach the team: a good place to start contributing.
        </p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter calls for help">
        <label htmlFor="filter-team">Team</label>
        <select id="filter-team" name="team" defaultValue={filters.team ?? ""} className={select}>
          <option value="">Every team</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
        <label htmlFor="filter-cycle">Cycle</label>
        <select id="filter-cycle" name="cycle" defaultValue={filters.cycle ?? ""} className={select}>
          <option value="">Every cycle</option>
          {cycles.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
          Filter
        </button>
      </form>
      {entries.length === 0 ? (
        <EmptyState>No open calls for help match.</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {entries.map((e) => (
            <li
              key={e.key}
              id={e.key}
              className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <HelpRequestTitle title={e.title} linkUrl={e.linkUrl} />
              <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600 dark:text-slate-400">
                <Link href={`/teams/${e.team.slug}`} className="underline">
                  {e.team.name}
                </Link>
                <span>· {e.cycle.name}</span>
                {e.askedIn ? <span>(asked in {e.askedIn})</span> : null}
                {e.status === "taken" ? <Badge tone="blue">Taken up{e.takenBy ? ` by ${e.takenBy}` : ""}</Badge> : null}
              </p>
              {e.details ? (
                <div className="mt-2">
                  <Markdown>{e.details}</Markdown>
                </div>
              ) : null}
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                {[e.contact && `Contact: ${e.contact}`, e.owner && `Owner: ${e.owner}`].filter(Boolean).join(" · ") ||
                  "Ask on the team's page"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

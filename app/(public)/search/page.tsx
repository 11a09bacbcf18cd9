import type { Metadata, Route } from "next";
import Link from "next/link";
import { Highlighted } from "@/components/site/highlighted";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { HealthBadge } from "@/components/updates/health-badge";
import { listCycles } from "@/lib/dal/cycles/reads";
import { searchCommunity } from "@/lib/dal/views/search";
import { listTeams } from "@/lib/dal/teams/reads";
import { HEALTH, HEALTH_LABELS } from "@/lib/domain";
import { searchSchema, type SearchInput } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Search" };
export const instant = false;

const KIND_LABEL = { update: "Update", roadmap: "Roadmap item", topic: "Community topic", help: "Help wanted" } as const;

/** The search's own address with another page, keeping the query and its filters. */
function pageHref(input: SearchInput, page: number): Route {
  const params = new URLSearchParams({ q: input.q });
  for (const key of ["team", "cycle", "health"] as const) if (input[key]) params.set(key, input[key]);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}` as Route;
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const raw = await searchParams;
  const parsed = searchSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const input: SearchInput = parsed.success ? parsed.data : { q: "", team: undefined, cycle: undefined, health: undefined, page: 1 };
  const [teams, cycles] = await Promise.all([listTeams(), listCycles()]);
  const results = parsed.success && input.q.trim() !== "" ? searchCommunity(parsed.data) : null;
  const pages = results ? Math.ceil(results.pagination.total / results.pagination.perPage) : 0;
  const field = "rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900";
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <form
        method="get"
        role="search"
        aria-label="Search updates, roadmap items, topics and help requests"
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label htmlFor="search-q" className="sr-only">
          Search for
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={input.q}
          maxLength={200}
          className={`${field} min-w-64 flex-1`}
          placeholder="Arm, kernel, review process…"
        />
        <label htmlFor="search-team">Team</label>
        <select id="search-team" name="team" defaultValue={input.team ?? ""} className={field}>
          <option value="">Every team</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
        <label htmlFor="search-cycle">Cycle</label>
        <select id="search-cycle" name="cycle" defaultValue={input.cycle ?? ""} className={field}>
          <option value="">Every cycle</option>
          {cycles.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="search-health">Health</label>
        <select id="search-health" name="health" defaultValue={input.health ?? ""} className={field}>
          <option value="">Any</option>
          {HEALTH.map((h) => (
            <option key={h} value={h}>
              {HEALTH_LABELS[h]}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
          Search
        </button>
      </form>
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {parsed.error.issues[0]?.message}
        </p>
      ) : null}
      {results === null ? null : results.data.length === 0 ? (
        <EmptyState>{results.pagination.total === 0 ? `Nothing matches “${input.q}”.` : "There are fewer pages of results."}</EmptyState>
      ) : (
        <>
          <ol
            className="space-y-3 [&_mark]:rounded [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-slate-900 dark:[&_mark]:bg-amber-700 dark:[&_mark]:text-white"
            aria-label="Results"
          >
            {results.data.map((hit, i) => (
              <li key={i} className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
                <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                  <Badge tone={hit.kind === "help" ? "amber" : "slate"}>{KIND_LABEL[hit.kind]}</Badge>
                  {hit.teamName ? <span>{hit.teamName}</span> : null}
                  {hit.cycleName ? <span>· {hit.cycleName}</span> : null}
                  {hit.health ? <HealthBadge health={hit.health} /> : null}
                </p>
                <p className="mt-1 font-medium">
                  <Link href={hit.path as Route} className="hover:underline">
                    <Highlighted text={hit.title} />
                  </Link>
                </p>
                {hit.snippet ? (
                  <p className="mt-1 text-slate-700 dark:text-slate-300">
                    <Highlighted text={hit.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {results.capped ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Showing the best of the {results.pagination.total} most recent matches. Add a word or pick a team or cycle to reach older
              ones.
            </p>
          ) : null}
        </>
      )}
      {results && pages > 1 ? (
        <nav aria-label="Result pages" className="flex flex-wrap items-center gap-3 text-sm">
          <span>
            Page {results.pagination.page} of {pages}
          </span>
          {results.pagination.page > 1 ? (
            <Link href={pageHref(input, Math.min(results.pagination.page - 1, pages))} className="underline">
              Previous page
            </Link>
          ) : null}
          {results.pagination.page < pages ? (
            <Link href={pageHref(input, results.pagination.page + 1)} className="underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

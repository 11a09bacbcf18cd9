import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed } from "@/components/site/not-allowed";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { auditEntityTypes, listAuditEntries, type AuditFilters } from "@/lib/dal/audit/audit";
import { AdminShell, mayOpen } from "../admin-nav";

export const metadata: Metadata = { title: "Audit log · Admin" };
export const instant = false;

const text = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const isoDate = (v: string | string[] | undefined) => {
  const s = text(v);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};

function summary(value: Record<string, unknown> | null): string {
  if (!value) return "";
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v.slice(0, 60) : JSON.stringify(v)?.slice(0, 60)}`)
    .join(" · ");
}

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const actor = await requireSignedIn("/admin/audit");
  if (!mayOpen(actor, "/admin/audit")) return <NotAllowed />;
  const params = await searchParams;
  const filters: AuditFilters = {
    actor: text(params.actor),
    entityType: text(params.entityType),
    action: text(params.action),
    from: isoDate(params.from),
    to: isoDate(params.to),
    page: Math.max(1, Number(text(params.page) ?? 1) || 1),
  };
  const { entries, hasMore, page } = listAuditEntries({ actor, filters });
  const types = auditEntityTypes({ actor });
  const query = (p: number) =>
    new URLSearchParams({
      ...Object.fromEntries(
        Object.entries(filters)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
      page: String(p),
    }).toString();
  return (
    <AdminShell current="/admin/audit" actor={actor}>
      <Card className="mb-6">
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit log">
          <label className="text-sm">
            Who
            <input
              name="actor"
              defaultValue={filters.actor}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <label className="text-sm">
            What
            <select
              name="entityType"
              defaultValue={filters.entityType ?? ""}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">Anything</option>
              {types.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Action starts with
            <input
              name="action"
              defaultValue={filters.action}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <label className="text-sm">
            From
            <input
              type="date"
              name="from"
              defaultValue={filters.from}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <label className="text-sm">
            To
            <input
              type="date"
              name="to"
              defaultValue={filters.to}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <div className="flex items-end">
            <button type="submit" className="rounded-md bg-accent-600 px-3 py-2 text-sm font-medium text-white hover:bg-accent-700">
              Filter
            </button>
          </div>
        </form>
      </Card>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="border-b border-slate-200 dark:border-slate-700">
            <tr>
              <th scope="col" className="p-2 font-medium">
                When
              </th>
              <th scope="col" className="p-2 font-medium">
                Who
              </th>
              <th scope="col" className="p-2 font-medium">
                Action
              </th>
              <th scope="col" className="p-2 font-medium">
                Entity
              </th>
              <th scope="col" className="p-2 font-medium">
                Before → after
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={5} className="p-4 text-slate-600 dark:text-slate-400">
                  No entries match.
                </td>
              </tr>
            ) : (
              entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                  <td className="whitespace-nowrap p-2 tabular-nums">
                    {new Date(e.createdAt).toISOString().replace("T", " ").slice(0, 19)} UTC
                  </td>
                  <td className="p-2">
                    {e.actorLabel}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">via {e.via}</span>
                  </td>
                  <td className="p-2 font-mono text-xs">{e.action}</td>
                  <td className="p-2">
                    {e.entityType} {e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
                  </td>
                  <td className="max-w-md p-2 text-xs">
                    {e.before ? <p className="text-slate-600 dark:text-slate-400">{summary(e.before)}</p> : null}
                    {e.after ? <p>{summary(e.after)}</p> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
        {page > 1 ? (
          <a href={`/admin/audit?${query(page - 1)}`} className="underline">
            Newer
          </a>
        ) : null}
        {hasMore ? (
          <a href={`/admin/audit?${query(page + 1)}`} className="underline">
            Older
          </a>
        ) : null}
        <Link href="/admin/audit" className="underline">
          Clear filters
        </Link>
      </nav>
    </AdminShell>
  );
}

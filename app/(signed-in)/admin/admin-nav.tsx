import Link from "next/link";
import type { ReactNode } from "react";
import { can, type Action, type Actor } from "@/lib/permissions";

/** Each section with the actions it needs: its page opens, and its tab shows, only for whom `can` allows them all. */
const SECTIONS = [
  { href: "/admin/people", label: "People", needs: ["person.manage"] },
  { href: "/admin/teams", label: "Teams", needs: ["team.manage"] },
  { href: "/admin/cycles", label: "Cycles", needs: ["cycle.manage"] },
  { href: "/admin/settings", label: "Settings", needs: ["settings.manage"] },
  { href: "/admin/tokens", label: "API tokens", needs: ["person.manage"] },
  { href: "/admin/audit", label: "Audit log", needs: ["person.manage"] },
  { href: "/admin/transfer", label: "Export and import", needs: ["settings.manage", "person.manage"] },
] as const satisfies readonly { href: string; label: string; needs: readonly Action[] }[];

type Section = (typeof SECTIONS)[number]["href"];

export function mayOpen(actor: Actor, href: Section): boolean {
  return SECTIONS.find((s) => s.href === href)!.needs.every((action) => can(actor, action));
}

/** The frame of every admin page: its title and the section tabs. */
export function AdminShell({ current, actor, children }: { current: Section; actor: Actor; children: ReactNode }) {
  const sections = SECTIONS.filter((s) => mayOpen(actor, s.href));
  return (
    <div>
      {/* "Admin" to whoever may manage it all; "Manage" to a release manager who may manage cycles. */}
      <h1 className="mb-4 text-2xl font-bold tracking-tight">{sections.length === SECTIONS.length ? "Admin" : "Manage"}</h1>
      <AdminNav current={current} sections={sections} />
      {children}
    </div>
  );
}

function AdminNav({ current, sections }: { current: Section; sections: readonly (typeof SECTIONS)[number][] }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2 text-sm dark:border-slate-800">
      {sections.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={s.href === current ? "page" : undefined}
          className="rounded-md px-3 py-1.5 hover:bg-slate-100 aria-[current=page]:bg-slate-200 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}

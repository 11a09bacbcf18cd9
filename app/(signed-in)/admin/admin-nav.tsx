import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/domain";

const SECTIONS = [
  { href: "/admin/people", label: "People", adminOnly: true },
  { href: "/admin/teams", label: "Teams", adminOnly: true },
  { href: "/admin/cycles", label: "Cycles", adminOnly: false },
  { href: "/admin/settings", label: "Settings", adminOnly: true },
  { href: "/admin/tokens", label: "API tokens", adminOnly: true },
  { href: "/admin/audit", label: "Audit log", adminOnly: true },
  { href: "/admin/transfer", label: "Export and import", adminOnly: true },
] as const;

type Section = (typeof SECTIONS)[number]["href"];

/** The frame of every admin page: its title and the section tabs. */
export function AdminShell({ current, role = "admin", children }: { current: Section; role?: Role; children: ReactNode }) {
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold tracking-tight">{role === "admin" ? "Admin" : "Manage"}</h1>
      <AdminNav current={current} role={role} />
      {children}
    </div>
  );
}

function AdminNav({ current, role }: { current: Section; role: Role }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2 text-sm dark:border-slate-800">
      {SECTIONS.filter((s) => role === "admin" || !s.adminOnly).map((s) => (
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

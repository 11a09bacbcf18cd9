import Link from "next/link";
import type { ReactNode } from "react";

const SECTIONS = [
  { href: "/admin/people", label: "People" },
  { href: "/admin/teams", label: "Teams" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

type Section = (typeof SECTIONS)[number]["href"];

/** The frame of every admin page: its title and the section tabs. */
export function AdminShell({ current, children }: { current: Section; children: ReactNode }) {
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Admin</h1>
      <AdminNav current={current} />
      {children}
    </div>
  );
}

function AdminNav({ current }: { current: Section }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2 text-sm dark:border-slate-800">
      {SECTIONS.map((s) => (
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

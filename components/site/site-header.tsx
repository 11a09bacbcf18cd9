import Link from "next/link";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { AccountMenu } from "./account-menu";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/cycles", label: "Cycles" },
  { href: "/teams", label: "Teams" },
  { href: "/help-wanted", label: "Help wanted" },
] as const;

export async function SiteHeader() {
  const site = await getSiteInfo();
  return (
    <header role="banner" className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-lg bg-accent-600 text-sm text-white">
            ◎
          </span>
          <span>
            {site.name}
            <span className="font-normal text-slate-600 dark:text-slate-400"> · Cycleboard</span>
          </span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="whitespace-nowrap rounded-md px-2 py-1.5 hover:bg-slate-100 sm:px-3 dark:hover:bg-slate-800"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <form method="get" action="/search" role="search" aria-label="Site" className="order-last w-full sm:order-none sm:w-auto">
          <label htmlFor="header-search" className="sr-only">
            Search updates, roadmap items, topics and help requests
          </label>
          <input
            id="header-search"
            name="q"
            type="search"
            placeholder="Search…"
            maxLength={200}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm sm:w-48 dark:border-slate-600 dark:bg-slate-900"
          />
        </form>
        <AccountMenu />
      </div>
    </header>
  );
}

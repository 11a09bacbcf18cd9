import { getSiteInfo } from "@/lib/dal/site/reads";

export async function SiteFooter() {
  const site = await getSiteInfo();
  return (
    <footer className="mt-16 border-t border-slate-200 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4">
        <p>{site.description || "Release-cycle status for open-source project teams."}</p>
        <nav aria-label="About this site" className="flex gap-4">
          <a href="/about" className="underline hover:text-slate-900 dark:hover:text-white">
            How to read Cycleboard
          </a>
          <a href="/docs/api" className="underline hover:text-slate-900 dark:hover:text-white">
            API
          </a>
        </nav>
        {site.links.length > 0 ? (
          <ul className="flex flex-wrap gap-4">
            {site.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} className="underline hover:text-slate-900 dark:hover:text-white">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </footer>
  );
}

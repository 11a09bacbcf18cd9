import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-medium text-accent-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Nothing here</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        There is no cycle, team or update at this address. It may have been renamed or never existed.
      </p>
      <p className="mt-6 flex justify-center gap-4 text-sm">
        <Link href="/" className="text-accent-700 underline dark:text-indigo-300">
          Current cycle
        </Link>
        <Link href="/cycles" className="text-accent-700 underline dark:text-indigo-300">
          All cycles
        </Link>
        <Link href="/teams" className="text-accent-700 underline dark:text-indigo-300">
          All teams
        </Link>
      </p>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/form";

/**
 * What a page shows when rendering it failed (app/error.tsx, app/global-error.tsx): no
 * details, which the server keeps in its log under the digest shown here. Focus moves to
 * the heading so a screen reader announces what happened.
 */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold tracking-tight outline-none">
        Something went wrong
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        This page could not be shown just now, perhaps because the database is unavailable. Nothing you saved earlier is lost. Try again in
        a moment.
      </p>
      <p className="mt-6 flex items-center justify-center gap-4">
        <Button type="button" onClick={() => retry()}>
          Try again
        </Button>
        <Link href="/" className="text-sm text-accent-700 underline dark:text-indigo-300">
          Current cycle
        </Link>
      </p>
      {digest ? (
        <p className="mt-6 text-xs text-slate-600 dark:text-slate-400">Reference for the site&apos;s administrator: {digest}</p>
      ) : null}
    </div>
  );
}

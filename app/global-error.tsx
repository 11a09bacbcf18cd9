"use client";

import { ErrorNotice } from "@/components/site/error-notice";
import "./globals.css";

/** Replaces the root layout when it fails itself, so it brings its own document. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Cycleboard</title>
        <main id="main" className="px-4">
          <ErrorNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/site/providers";
import { RouteFocus } from "@/components/site/route-focus";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import "./globals.css";

/**
 * Pages render at request time from cached data functions, without Suspense placeholders,
 * so every page arrives as complete HTML and reads without JavaScript.
 */
export const instant = false;

export const metadata: Metadata = {
  title: { default: "Cycleboard", template: "%s · Cycleboard" },
  description: "Release-cycle status dashboards for open-source project teams.",
  alternates: { types: { "application/atom+xml": "/feed.xml" } },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
          <SiteFooter />
          <RouteFocus />
        </Providers>
      </body>
    </html>
  );
}

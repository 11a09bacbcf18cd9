import type { Metadata } from "next";
import Link from "next/link";
import { HEALTH, HEALTH_LABELS, UPDATE_SECTIONS } from "@/lib/domain";

export const instant = false;
export const ensureStatic = "navigation";

export const metadata: Metadata = { title: "About Cycleboard" };

/** How to read the dashboards. Written for every community alike, so it reads no data. */
export default function AboutPage() {
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">About Cycleboard</h1>
      <p>
        Cycleboard is where a community&apos;s project teams post their status for each release cycle. Each team&apos;s leads write a short
        update every few weeks; release managers review them; everyone can read them, without an account.
      </p>
      <section aria-labelledby="about-cycles" className="space-y-2">
        <h2 id="about-cycles" className="text-xl font-semibold">
          Cycles and milestones
        </h2>
        <p>
          A release cycle runs from its start to its release, with milestones on the way. The{" "}
          <Link href="/" className="text-accent-700 underline dark:text-indigo-300">
            dashboard
          </Link>{" "}
          shows the active cycle: its timeline with today marked, a card per team, what is at risk, where help is wanted, and the
          cycle&apos;s numbers beside the previous cycle&apos;s.
        </p>
      </section>
      <section aria-labelledby="about-updates" className="space-y-2">
        <h2 id="about-updates" className="text-xl font-semibold">
          What an update holds
        </h2>
        <p>A headline, the team&apos;s health, and these sections:</p>
        <ul className="list-disc pl-6">
          {UPDATE_SECTIONS.map(([key, heading]) => (
            <li key={key}>{heading}</li>
          ))}
        </ul>
        <p>
          Every edit of a published update keeps the earlier text, so its page shows what changed and when. A team&apos;s page lists its
          updates, its numbers across cycles and its roadmap.
        </p>
      </section>
      <section aria-labelledby="about-health" className="space-y-2">
        <h2 id="about-health" className="text-xl font-semibold">
          Health
        </h2>
        <p>
          Each update names one of these. The dashboard&apos;s legend says what each means in your community, so that &ldquo;at risk&rdquo;
          means the same for every team.
        </p>
        <ul className="list-disc pl-6">
          {HEALTH.map((health) => (
            <li key={health}>{HEALTH_LABELS[health]}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="about-help" className="space-y-2">
        <h2 id="about-help" className="text-xl font-semibold">
          Joining in
        </h2>
        <p>
          New to the community? Start at{" "}
          <Link href="/help-wanted" className="text-accent-700 underline dark:text-indigo-300">
            help wanted
          </Link>
          : every open request across teams, with whom to contact.
        </p>
      </section>
    </article>
  );
}

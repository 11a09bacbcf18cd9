import type { Metadata } from "next";
import Link from "next/link";
import { Card, SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { listApiTokens } from "@/lib/dal/identity/api-tokens";
import { requestTime } from "@/lib/dal/cache/cache";
import { listTeams } from "@/lib/dal/teams/reads";
import { TOKEN_SCOPES } from "@/lib/permissions";
import { TOKEN_EXPIRY_DAYS } from "@/lib/validation/api-token";
import { CreateTokenForm } from "./token-forms";
import { SCOPE_LABELS, TokenList } from "./token-list";

export const metadata: Metadata = { title: "API tokens" };
export const instant = false;

export default async function AccountTokensPage() {
  const actor = await requireSignedIn("/account/tokens");
  const [teams, now] = await Promise.all([listTeams(), requestTime()]);
  const tokens = listApiTokens({ actor });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">API tokens</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Tokens let scripts and CI jobs use the{" "}
        <Link className="underline" href="/docs/api">
          API
        </Link>{" "}
        as you, limited to what you pick here. Send one as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <Card>
        <SectionHeading id="new-token">New token</SectionHeading>
        <CreateTokenForm
          scopes={TOKEN_SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] ?? s }))}
          teams={teams.map((t) => ({ value: t.slug, label: t.name }))}
          expiries={[
            ...TOKEN_EXPIRY_DAYS.map((d) => ({ value: String(d), label: d === 365 ? "In a year" : `In ${d} days` })),
            { value: "", label: "Never" },
          ]}
        />
      </Card>
      <section aria-labelledby="tokens-heading">
        <SectionHeading id="tokens-heading">Your tokens</SectionHeading>
        <TokenList tokens={tokens} now={now} />
      </section>
    </div>
  );
}

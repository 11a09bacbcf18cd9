import type { Metadata } from "next";
import { NotAllowed } from "@/components/site/not-allowed";
import { SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { listApiTokens } from "@/lib/dal/identity/api-tokens";
import { requestTime } from "@/lib/dal/cache/cache";
import { TokenList } from "../../account/tokens/token-list";
import { AdminShell, mayOpen } from "../admin-nav";

export const metadata: Metadata = { title: "API tokens" };
export const instant = false;

export default async function AdminTokensPage() {
  const actor = await requireSignedIn("/admin/tokens");
  if (!mayOpen(actor, "/admin/tokens")) return <NotAllowed />;
  const tokens = listApiTokens({ actor, everyone: true });
  const now = await requestTime();
  return (
    <AdminShell current="/admin/tokens" actor={actor}>
      <section aria-labelledby="all-tokens-heading">
        <SectionHeading id="all-tokens-heading">Everyone&apos;s API tokens ({tokens.length})</SectionHeading>
        <TokenList tokens={tokens} now={now} showOwner />
      </section>
    </AdminShell>
  );
}

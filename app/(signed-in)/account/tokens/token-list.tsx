import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { ApiTokenRow } from "@/lib/dal/identity/api-tokens";
import { formatTimestamp } from "@/lib/dates";
import { RevokeTokenForm } from "./token-forms";

export const SCOPE_LABELS: Record<string, string> = {
  "metric.record": "Record metric values",
  "update.write": "Post and edit updates",
  "roadmap.write": "Edit roadmap items",
  "update.read_draft": "Read drafts and private notes",
  "history.backdate": "Date updates and deliveries before today (history)",
};

function status(token: ApiTokenRow, now: number) {
  if (token.revokedAt) return <Badge tone="red">Revoked {formatTimestamp(token.revokedAt)}</Badge>;
  if (token.expiresAt && token.expiresAt <= now) return <Badge tone="amber">Expired {formatTimestamp(token.expiresAt)}</Badge>;
  return <Badge tone="green">Active</Badge>;
}

/** Tokens with what they may do, for whom, until when and when last used; active ones can be revoked. */
export function TokenList({ tokens, now, showOwner = false }: { tokens: ApiTokenRow[]; now: number; showOwner?: boolean }) {
  if (tokens.length === 0) return <EmptyState>No tokens yet.</EmptyState>;
  return (
    <ul className="space-y-3">
      {tokens.map((token) => (
        <li key={token.id} aria-label={`Token ${token.name}`} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{token.name}</span>
            <code className="text-sm text-slate-700 dark:text-slate-300">{token.prefix}…</code>
            {status(token, now)}
            {showOwner ? <span className="text-sm text-slate-600 dark:text-slate-400">of {token.owner.name}</span> : null}
          </div>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">May</dt>
            <dd>{token.scopes.map((s) => SCOPE_LABELS[s] ?? s).join(", ")}</dd>
            <dt className="font-medium">Teams</dt>
            <dd>{token.teams.length > 0 ? token.teams.map((t) => t.name).join(", ") : "Every team its owner may act for"}</dd>
            <dt className="font-medium">Expires</dt>
            <dd>{token.expiresAt ? formatTimestamp(token.expiresAt) : "Never"}</dd>
            <dt className="font-medium">Last used</dt>
            <dd>{token.lastUsedAt ? formatTimestamp(token.lastUsedAt) : "Never"}</dd>
          </dl>
          {token.revokedAt ? null : (
            <div className="mt-3">
              <RevokeTokenForm id={token.id} name={token.name} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

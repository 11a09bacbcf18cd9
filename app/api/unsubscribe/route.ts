/**
 * /api/unsubscribe?token=… — the link in every notification email. GET shows one button
 * (so that mail scanners following links unsubscribe nobody); POST, from that button or
 * from a mail client's one-click unsubscribe (RFC 8058), turns the kinds off. The signed
 * token is the credential: no sign-in needed, and it works in private mode too.
 */
import { unsubscribe } from "@/lib/dal/notifications/preferences";
import { verifyUnsubscribeToken } from "@/lib/dal/notifications/unsubscribe-link";
import { NOTIFICATION_KINDS } from "@/lib/domain";

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5"><main><h1>${title}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function tokenOf(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, verified: verifyUnsubscribeToken(token) };
}

const INVALID = () =>
  page(
    400,
    "This unsubscribe link is not valid",
    "<p>It may have been cut short by your mail program. Choose what is mailed to you on your inbox page instead.</p>",
  );

export function GET(request: Request): Response {
  const { token, verified } = tokenOf(request);
  if (!verified) return INVALID();
  const kinds = verified.kinds.map((kind) => `<li>${escape(NOTIFICATION_KINDS[kind].label)}</li>`).join("");
  return page(
    200,
    "Stop these emails?",
    `<p>No more email about:</p><ul>${kinds}</ul><form method="post" action="/api/unsubscribe?token=${escape(encodeURIComponent(token))}"><button type="submit">Unsubscribe</button></form><p>You will still see them in your inbox.</p>`,
  );
}

export function POST(request: Request): Response {
  const { verified } = tokenOf(request);
  if (!verified) return INVALID();
  unsubscribe(verified);
  return page(200, "Unsubscribed", "<p>You will no longer get these emails. You can turn them on again on your inbox page.</p>");
}

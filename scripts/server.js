/**
 * The production server behind `npm start` (scripts/start.ts), e2e and `npm run bench`:
 * Next's own request handler on node:http, as Next's custom-server guide sets it up, plus
 * one step before Next sees a request: the client's address is resolved from the socket
 * (and CYCLEBOARD_TRUSTED_PROXIES) into X-Forwarded-For, which `next start` would take
 * from the client as sent. Plain JavaScript: it runs on node without a build.
 *
 * Usage: node scripts/server.js --port 3000
 */
import http from "node:http";
import { rewriteForwardedHeaders, trustedProxyHops } from "../lib/http/client-address.js";

const started = Date.now();
const portFlag = process.argv.indexOf("--port");
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : process.env.PORT || 3000);
const trustedHops = trustedProxyHops(process.env.CYCLEBOARD_TRUSTED_PROXIES);
// Before Next loads: parts of it read NODE_ENV as they load.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const app = next({ dev: false, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((request, response) => {
  rewriteForwardedHeaders(request, trustedHops);
  handle(request, response);
});

// As `next start` does: finish the requests under way, then exit with the signal's code.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.once(signal, () => {
    server.close(() => app.close().finally(() => process.exit(code)));
  });
}

server.listen(port, () => {
  console.log(
    `Ready on http://localhost:${port} in ${Date.now() - started} ms${trustedHops ? `, believing ${trustedHops} proxy hop(s) in X-Forwarded-For` : ""}`,
  );
});

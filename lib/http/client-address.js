/**
 * Which address a request comes from: the one rule, for the per-address sign-in limits,
 * better-auth and anything else that asks. Plain JavaScript because scripts/server.js (no
 * bundler, no TypeScript) resolves it for every request before Next sees the request;
 * the app then reads it back with `clientAddress(headers)`. Edit here when the rule for
 * believing proxies changes.
 */
import net from "node:net";

/** Headers only a trusted proxy may set: without one, what the client sent is dropped. */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * CYCLEBOARD_TRUSTED_PROXIES: how many proxies in front of the server append to
 * X-Forwarded-For (0, the default, believes none of it).
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxyHops(value) {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d+$/.test(value.trim())) throw new Error(`CYCLEBOARD_TRUSTED_PROXIES must be a number of proxies (0, 1, 2…), not "${value}"`);
  return Number(value);
}

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) is 127.0.0.1. */
function plainAddress(/** @type {string} */ address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/**
 * The client's address: the socket's peer, or, behind `trustedHops` proxies that each
 * append the address they received from, the entry that many places from the right of
 * X-Forwarded-For. Entries further left were written by the client and prove nothing.
 * @param {{ remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number }} request
 * @returns {string}
 */
export function resolveClientAddress({ remoteAddress, forwardedFor, trustedHops }) {
  const socket = remoteAddress ? plainAddress(remoteAddress) : "unknown";
  if (trustedHops === 0) return socket;
  const forwarded = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return plainAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

/**
 * Puts the resolved address in X-Forwarded-For (Next only fills that header when it is
 * missing) and drops the other forwarding headers unless a proxy is trusted to set them.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} trustedHops
 */
export function rewriteForwardedHeaders(request, trustedHops) {
  const { headers } = request;
  headers["x-forwarded-for"] = resolveClientAddress({
    remoteAddress: request.socket.remoteAddress,
    forwardedFor: headers["x-forwarded-for"],
    trustedHops,
  });
  if (trustedHops === 0) for (const name of PROXY_HEADERS) delete headers[name];
}

/**
 * The address of the request these headers came with, as scripts/server.js resolved it.
 * @param {Headers} headers
 * @returns {string}
 */
export function clientAddress(headers) {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/**
 * The key the per-address limits count under: one IPv6 host usually owns a whole /64,
 * so its 2^64 addresses share one count.
 * @param {string} address
 * @returns {string}
 */
export function addressKey(address) {
  if (!net.isIPv6(address)) return address;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.padStart(4, "0"))
    .join(":")}::/64`;
}

/**
 * The one limit on password guesses. Every check of a password goes through better-auth's
 * sign-in and change-password endpoints, whose hooks (lib/dal/identity/auth.ts) count the attempt
 * here first and report its outcome after; the app's own actions call those endpoints.
 * Attempts are counted in the server's memory (rate-limiter-flexible; limits reset on
 * restart, acceptable for one process), over a 15-minute window:
 * - per account from one address (CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ACCOUNT, 5): that address
 *   then waits for that account, while its owner elsewhere signs in as usual, so a stranger
 *   who knows an email cannot lock its owner out (OWASP: throttle per account and address);
 * - per address over every account (CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ADDRESS, 30);
 * - per account over every address (four times the per-account figure), against guessing
 *   spread over many addresses. An address that signed in to the account before is exempt
 *   from this one, so even a spread-out attack does not keep the owner out.
 */
import "server-only";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { addressKey } from "@/lib/http/client-address";

const WINDOW_SECONDS = 15 * 60;
// Under 24.8 days: the in-memory store expires keys with setTimeout, which takes at most 2^31 ms.
const KNOWN_ADDRESS_SECONDS = 14 * 24 * 60 * 60;

interface Limiters {
  accountFromAddress: RateLimiterMemory;
  address: RateLimiterMemory;
  account: RateLimiterMemory;
  knownAddress: RateLimiterMemory;
}

function limiters(): Limiters {
  const g = globalThis as unknown as { passwordLimiters?: Limiters };
  if (!g.passwordLimiters) {
    const perAccount = Number(process.env.CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ACCOUNT || 5);
    const window = (keyPrefix: string, points: number) => new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
    g.passwordLimiters = {
      accountFromAddress: window("password-account-address", perAccount),
      address: window("password-address", Number(process.env.CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ADDRESS || 30)),
      account: window("password-account", perAccount * 4),
      knownAddress: new RateLimiterMemory({ keyPrefix: "password-known-address", points: 1, duration: KNOWN_ADDRESS_SECONDS }),
    };
  }
  return g.passwordLimiters;
}

function keys(email: string, address: string) {
  const account = email.trim().toLowerCase();
  const from = addressKey(address);
  return { account, address: from, pair: `${account} ${from}` };
}

const used = (r: RateLimiterRes | null): r is RateLimiterRes => r !== null && r.remainingPoints <= 0;

/** Milliseconds until a password for this account may be tried from this address; 0 when it may now. */
export async function passwordAttemptWait(email: string, address: string): Promise<number> {
  const l = limiters();
  const k = keys(email, address);
  const [pair, byAddress, known] = await Promise.all([
    l.accountFromAddress.get(k.pair),
    l.address.get(k.address),
    l.knownAddress.get(k.pair),
  ]);
  const account = known ? null : await l.account.get(k.account);
  return [pair, byAddress, account].filter(used).reduce((wait, r) => Math.max(wait, r.msBeforeNext), 0);
}

/** The counters one attempt moves: the account-wide one not for an address the account signed in from. */
async function countersFor(email: string, address: string): Promise<[RateLimiterMemory, string][]> {
  const l = limiters();
  const k = keys(email, address);
  const known = await l.knownAddress.get(k.pair);
  return [
    [l.accountFromAddress, k.pair],
    [l.address, k.address],
    ...(known ? [] : [[l.account, k.account] as [RateLimiterMemory, string]]),
  ];
}

/**
 * Counts an attempt before its password is compared, so that guesses sent in parallel
 * cannot all pass a check made before any of them failed. Returns 0 when it may go ahead,
 * else the milliseconds to wait; a refused attempt counts nowhere.
 */
export async function startPasswordAttempt(email: string, address: string): Promise<number> {
  const counters = await countersFor(email, address);
  const results = await Promise.allSettled(counters.map(([limiter, key]) => limiter.consume(key)));
  const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as RateLimiterRes).msBeforeNext] : []));
  if (refused.length === 0) return 0;
  await Promise.all(counters.map(([limiter, key]) => limiter.reward(key, 1)));
  return Math.max(...refused);
}

/** The attempt ended before a password was compared (a malformed request): it does not count. */
export async function passwordNotChecked(email: string, address: string): Promise<void> {
  const counters = await countersFor(email, address);
  await Promise.all(counters.map(([limiter, key]) => limiter.reward(key, 1)));
}

/** The right password: the attempt does not count, this address's failures for the account are forgiven, and it is known from now on. */
export async function passwordAccepted(email: string, address: string): Promise<void> {
  const l = limiters();
  const k = keys(email, address);
  await passwordNotChecked(email, address);
  await Promise.all([l.accountFromAddress.delete(k.pair), l.knownAddress.set(k.pair, 1, KNOWN_ADDRESS_SECONDS)]);
}

export function tryAgainMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Limits sign-in attempts per account and per address (rate-limiter-flexible, in the
 * server's memory: limits reset on restart, which is acceptable for one process).
 */
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const WINDOW_SECONDS = 15 * 60;

function limiters() {
  const g = globalThis as unknown as { signInLimiters?: { account: RateLimiterMemory; address: RateLimiterMemory } };
  g.signInLimiters ??= {
    account: new RateLimiterMemory({ keyPrefix: "sign-in-account", points: Number(process.env.CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ACCOUNT || 5), duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS }),
    address: new RateLimiterMemory({ keyPrefix: "sign-in-address", points: Number(process.env.CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ADDRESS || 30), duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS }),
  };
  return g.signInLimiters;
}

/** Milliseconds until this account or address may try again; 0 when it may now. */
export async function signInWait(email: string, address: string): Promise<number> {
  const { account, address: byAddress } = limiters();
  const [a, b] = await Promise.all([account.get(email.toLowerCase()), byAddress.get(address)]);
  const blocked = [a, b].filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
  return blocked.reduce((wait, r) => Math.max(wait, r.msBeforeNext), 0);
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  await Promise.allSettled([account.consume(email.toLowerCase()), byAddress.consume(address)]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await limiters().account.delete(email.toLowerCase());
}

export function tryAgainMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

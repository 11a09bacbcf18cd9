import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, resolveClientAddress, rewriteForwardedHeaders, trustedProxyHops } from "./client-address";

function request(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress({ remoteAddress: "203.0.113.9", forwardedFor: "198.51.100.1", trustedHops: 0 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ remoteAddress: "::ffff:127.0.0.1", forwardedFor: undefined, trustedHops: 0 })).toBe("127.0.0.1");
  });

  it("behind trusted proxies, is the entry that many hops from the right, never one the client wrote further left", () => {
    // client → proxy A (appends the client) → proxy B (appends A) → us
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7", trustedHops: 1 })).toBe("198.51.100.7");
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7, 10.0.0.1", trustedHops: 2 })).toBe(
      "198.51.100.7",
    );
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: ["1.2.3.4", "198.51.100.7"], trustedHops: 1 })).toBe(
      "198.51.100.7",
    );
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: undefined, trustedHops: 1 })).toBe("10.0.0.2");
  });

  it("replaces what the client sent before Next reads it, and drops forwarding headers nobody trusted sent", () => {
    const direct = request("203.0.113.9", {
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": "198.51.100.2",
      "x-forwarded-host": "evil.example",
      host: "localhost:3000",
    });
    rewriteForwardedHeaders(direct, 0);
    expect(direct.headers).toEqual({ "x-forwarded-for": "203.0.113.9", host: "localhost:3000" });
    expect(clientAddress(new Headers(direct.headers as Record<string, string>))).toBe("203.0.113.9");

    const proxied = request("10.0.0.1", { "x-forwarded-for": "198.51.100.1, 203.0.113.9", "x-forwarded-proto": "https" });
    rewriteForwardedHeaders(proxied, 1);
    expect(proxied.headers).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
  });

  it("reads CYCLEBOARD_TRUSTED_PROXIES as a number of hops, refusing anything else", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("yes")).toThrow(/CYCLEBOARD_TRUSTED_PROXIES/);
  });

  it("counts an IPv6 host's whole /64 as one address", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });
});

import { describe, expect, it } from "vitest";
import { callsCacheFunction } from "./server-action-guard";

// Ids as Next writes them: the first byte's top bit marks a 'use cache' function.
const CACHE_FUNCTION = "c0f64de08513" + "0".repeat(30);
const SERVER_ACTION = "601038592e41" + "0".repeat(30);

const post = (headers: Record<string, string>, body?: FormData) =>
  new Request("http://localhost/signin", { method: "POST", headers, body });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("callsCacheFunction", () => {
  it("spots a 'use cache' function named in the Next-Action header, and lets real actions through", async () => {
    expect(await callsCacheFunction(post({ "next-action": CACHE_FUNCTION }))).toBe(true);
    expect(await callsCacheFunction(post({ "next-action": SERVER_ACTION }))).toBe(false);
    expect(await callsCacheFunction(new Request("http://localhost/signin", { headers: { "next-action": CACHE_FUNCTION } }))).toBe(false);
  });

  it("spots one named by a form posted without JavaScript, by id or by reference", async () => {
    expect(await callsCacheFunction(post({}, form({ [`$ACTION_ID_${CACHE_FUNCTION}`]: "", email: "x" })))).toBe(true);
    expect(
      await callsCacheFunction(post({}, form({ $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: CACHE_FUNCTION, bound: "$@1" }) }))),
    ).toBe(true);
    expect(await callsCacheFunction(post({}, form({ [`$ACTION_ID_${SERVER_ACTION}`]: "", email: "x" })))).toBe(false);
    expect(
      await callsCacheFunction(post({}, form({ $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: SERVER_ACTION, bound: null }) }))),
    ).toBe(false);
  });

  it("counts a multipart body it cannot read as one, rather than guess what Next would read", async () => {
    const broken = new Request("http://localhost/signin", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: `--x\r\nContent-Disposition: form-data; name="$ACTION_ID_${CACHE_FUNCTION}"\r\n\r\n`,
    });
    expect(await callsCacheFunction(broken)).toBe(true);
  });
});

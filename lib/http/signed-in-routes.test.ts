/** proxy.ts sends these routes to sign-in; they must be exactly the app/(signed-in) group. */
import fs from "node:fs";
import { expect, it } from "vitest";
import { signedInRoutesModule } from "./app-routes.js";

it("lists every route of app/(signed-in): run `npm run routes:generate` after adding or removing one", () => {
  expect(fs.readFileSync("lib/http/signed-in-routes.ts", "utf8")).toBe(signedInRoutesModule("app"));
});

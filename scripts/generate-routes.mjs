/**
 * Writes lib/http/signed-in-routes.ts from the app/(signed-in) route group, for proxy.ts, which
 * cannot read the file tree per request. lib/http/signed-in-routes.test.ts fails until this is
 * run after a page is added to or removed from the group.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { signedInRoutesModule } from "../lib/http/app-routes.js";

const target = fileURLToPath(new URL("../lib/http/signed-in-routes.ts", import.meta.url));
fs.writeFileSync(target, signedInRoutesModule(fileURLToPath(new URL("../app", import.meta.url))));
console.log(`Wrote ${target}`);

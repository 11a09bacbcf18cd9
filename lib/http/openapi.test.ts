import { validate } from "@readme/openapi-parser";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Operation } from "./api";
import { openApiDocument } from "./openapi";

/** Every route handler under app/api/v1 with the methods it exports, as OpenAPI paths ("[cycle]" → "{cycle}"). */
function routeHandlers(): { path: string; method: string }[] {
  const root = path.resolve(import.meta.dirname, "../../app/api/v1");
  const found: { path: string; method: string }[] = [];
  for (const file of fs.readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const urlPath = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/\.$/, "");
    for (const [, method] of fs
      .readFileSync(path.join(root, file), "utf8")
      .matchAll(/export (?:async )?function (GET|POST|PATCH|PUT|DELETE)\b/g))
      found.push({ path: urlPath, method: method!.toLowerCase() });
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("describes every route handler under app/api/v1, and nothing else", () => {
    const documented = Object.entries(openApiDocument().paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((method) => ({ path: p, method })),
    );
    const handlers = routeHandlers().filter((r) => r.path !== "/api/v1/openapi.json");
    expect(handlers.length).toBeGreaterThan(15);
    expect(documented.sort(byKey)).toEqual(handlers.sort(byKey));
  });

  it("pairs each route module with the operations declared beside it, one per handler", async () => {
    const routes = new Map<string, string[]>();
    for (const { path: urlPath, method } of routeHandlers())
      if (urlPath !== "/api/v1/openapi.json") routes.set(urlPath, [...(routes.get(urlPath) ?? []), method]);
    for (const [urlPath, methods] of routes) {
      const folder = urlPath.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "[$1]");
      const declared = (await import(path.resolve(import.meta.dirname, "../../app/api/v1", `.${folder}`, "operation.ts"))) as Record<
        string,
        Operation
      >;
      expect(
        Object.entries(declared)
          .map(([name, op]) => `${name} ${op.method} ${op.path}`)
          .sort(),
        urlPath,
      ).toEqual(methods.map((method) => `${method} ${method} ${urlPath}`).sort());
    }
  });

  it("takes request bodies from the shared zod schemas, naming their fields and limits", () => {
    const body = openApiDocument().paths["/api/v1/metric-values"]!.post as {
      requestBody: {
        content: {
          "application/json": { schema: { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean } };
        };
      };
    };
    const schema = body.requestBody.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["cycle", "metric", "team", "value"]);
    expect(schema.properties.value).toMatchObject({
      anyOf: [
        { type: "number", maximum: 1e12 },
        { type: "string", maxLength: 40 },
      ],
    });
    expect(schema.additionalProperties).toBe(false);
  });
});

const byKey = (a: { path: string; method: string }, b: { path: string; method: string }) =>
  `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`);

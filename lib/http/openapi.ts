/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operations each route declares in
 * the operation.ts beside its route.ts, and so from the same zod schemas the handlers parse
 * with and answer through (z.toJSONSchema gives JSON Schema 2020-12, which OpenAPI 3.1 uses).
 * A new route's operation module goes in ROUTE_OPERATIONS; a test checks none is missing.
 */
import { z } from "@/lib/validation/zod";
import * as cycle from "@/app/api/v1/cycles/[cycle]/operation";
import * as cycleMilestones from "@/app/api/v1/cycles/[cycle]/milestones/operation";
import * as cycleUpdates from "@/app/api/v1/cycles/[cycle]/updates/operation";
import * as cycles from "@/app/api/v1/cycles/operation";
import * as gatherings from "@/app/api/v1/gatherings/operation";
import * as helpRequests from "@/app/api/v1/help-requests/operation";
import * as metricValue from "@/app/api/v1/metric-values/[id]/operation";
import * as metricValues from "@/app/api/v1/metric-values/operation";
import * as metrics from "@/app/api/v1/metrics/operation";
import * as roadmapItem from "@/app/api/v1/roadmap-items/[id]/operation";
import * as roadmapItems from "@/app/api/v1/roadmap-items/operation";
import * as team from "@/app/api/v1/teams/[team]/operation";
import * as teams from "@/app/api/v1/teams/operation";
import * as topics from "@/app/api/v1/topics/operation";
import * as update from "@/app/api/v1/updates/[id]/operation";
import * as updates from "@/app/api/v1/updates/operation";
import { MAX_PER_PAGE, type Operation } from "./api";
import { TOKEN_SCOPES } from "../permissions";

/** Every route's operations, in the reference's order (each module exports one per method). */
const ROUTE_OPERATIONS = [
  cycles,
  cycle,
  cycleMilestones,
  cycleUpdates,
  teams,
  team,
  updates,
  update,
  roadmapItems,
  roadmapItem,
  metrics,
  metricValues,
  metricValue,
  helpRequests,
  topics,
  gatherings,
];

export const OPERATIONS: Operation[] = ROUTE_OPERATIONS.flatMap((module) => Object.values(module));

/** Every z.int() carries JavaScript's safe-integer bounds: in an answer they only add noise. */
function dropSafeIntegerBounds({ jsonSchema }: { jsonSchema: { minimum?: number; maximum?: number } }) {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): Record<string, unknown> {
  const options =
    io === "output" ? { io, unrepresentable: "any" as const, override: dropSafeIntegerBounds } : { io, unrepresentable: "any" as const };
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, options) as Record<string, unknown>;
  return rest;
}

const errorRef = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function operationObject(op: Operation) {
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, description]) => ({
      name,
      in: "path",
      required: true,
      description,
      schema: { type: "string" },
    })),
    ...(op.filters
      ? [
          ...Object.entries(op.filters.shape).map(([name, schema]) => ({
            name,
            in: "query",
            required: false,
            schema: jsonSchema(schema as z.ZodType),
          })),
          { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "per_page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: 20 } },
        ]
      : []),
  ];
  const write = op.method !== "get";
  return {
    operationId: `${op.method}${op.path
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description || op.scope
      ? {
          description: [op.description, op.scope ? `A token needs the \`${op.scope}\` scope (and the team, if it lists teams).` : null]
            .filter(Boolean)
            .join("\n\n"),
        }
      : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    security: write ? [{ bearerToken: [] }, { sessionCookie: [] }] : [{}, { bearerToken: [] }, { sessionCookie: [] }],
    responses: {
      [op.created ? "201" : "200"]: {
        description: op.created ? "Created" : "OK",
        content: { "application/json": { schema: jsonSchema(op.response, "output") } },
      },
      "400": errorRef("The body or query is malformed; `fields` names each field at fault"),
      "401": errorRef(
        write
          ? "No credentials, or a token that is unknown, expired or revoked"
          : "The site is private, or the token is unknown, expired or revoked",
      ),
      ...(write ? { "403": errorRef("The caller (or the token's scopes and teams) may not do this") } : {}),
      ...(op.pathParams ? { "404": errorRef("No such entity") } : {}),
      ...(op.method === "patch" && op.body instanceof z.ZodObject && "version" in op.body.shape
        ? { "409": errorRef("Someone saved a newer version; `current.version` says which") }
        : {}),
      ...(write ? { "422": errorRef("Well-formed but not acceptable, e.g. an unknown team or metric") } : {}),
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Cycleboard API",
      version: "1",
      description:
        "Read every team's release-cycle status, and let automation write updates, roadmap items and metric values. Authenticate with `Authorization: Bearer <token>` (create tokens at /account/tokens) or the session cookie of a signed-in browser. Lists take `page` and `per_page` (at most 100) and answer `{ data, pagination: { page, perPage, total } }`. Every error answers `{ error: { code, message, fields? } }`.",
    },
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: `An API token. Scopes: ${TOKEN_SCOPES.join(", ")}.` },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: ["invalid_input", "unauthorized", "forbidden", "not_found", "conflict", "unprocessable"] },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
                current: {
                  type: "object",
                  properties: { version: { type: "integer" }, changedFields: { type: "array", items: { type: "string" } } },
                },
              },
            },
          },
        },
      },
    },
  };
}

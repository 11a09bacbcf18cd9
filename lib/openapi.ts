/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the route
 * handlers parse with (z.toJSONSchema gives JSON Schema 2020-12, which OpenAPI 3.1 uses).
 * Add an entry to OPERATIONS with each new route handler; a test checks they match.
 */
import { z } from "@/lib/validation/zod";
import { MAX_PER_PAGE } from "./api";
import { TOKEN_SCOPES } from "./permissions";
import {
  cycleFiltersSchema,
  helpRequestFiltersSchema,
  metricFiltersSchema,
  metricValueFiltersSchema,
  noFiltersSchema,
  patchRoadmapItemSchema,
  patchUpdateSchema,
  postRoadmapItemSchema,
  postUpdateSchema,
  recordMetricValueSchema,
  roadmapFiltersSchema,
  updateFiltersSchema,
} from "./validation/api";

type Method = "get" | "post" | "patch";

export interface Operation {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Path parameters, by name, with what they name. */
  pathParams?: Record<string, string>;
  /** Filters of a paged list (page and per_page are added). */
  filters?: z.ZodObject;
  body?: z.ZodType;
  /** The action a token needs for this write. */
  scope?: (typeof TOKEN_SCOPES)[number];
  created?: boolean;
}

const CYCLE = { cycle: "The cycle's name, e.g. 10.0" };
const TEAM = { team: "The team's slug, e.g. test" };
const ID = (what: string) => ({ id: `The ${what}'s numeric id` });

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/v1/cycles", tag: "Cycles", summary: "List release cycles, newest first", filters: noFiltersSchema },
  { method: "get", path: "/api/v1/cycles/{cycle}", tag: "Cycles", summary: "One cycle with its milestones and gatherings", pathParams: CYCLE },
  { method: "get", path: "/api/v1/cycles/{cycle}/milestones", tag: "Cycles", summary: "A cycle's milestones by due date", pathParams: CYCLE, filters: noFiltersSchema },
  {
    method: "get",
    path: "/api/v1/cycles/{cycle}/updates",
    tag: "Updates",
    summary: "A cycle's updates, newest first",
    description: "Drafts and private notes are included only for callers allowed to read them (the team's leads, release managers, admins; a token also needs the update.read_draft scope).",
    pathParams: CYCLE,
    filters: updateFiltersSchema,
  },
  { method: "get", path: "/api/v1/teams", tag: "Teams", summary: "List active teams in board order, with leads and latest update", filters: noFiltersSchema },
  { method: "get", path: "/api/v1/teams/{team}", tag: "Teams", summary: "One team: mission, leads, shepherd, links and numbers across cycles", pathParams: TEAM },
  {
    method: "post",
    path: "/api/v1/updates",
    tag: "Updates",
    summary: "Post a team's update for a cycle",
    description: 'Saved as a draft, or published at once with `"publish": true`.',
    body: postUpdateSchema,
    scope: "update.write",
    created: true,
  },
  { method: "get", path: "/api/v1/updates/{id}", tag: "Updates", summary: "One update with its links and revisions", pathParams: ID("update") },
  {
    method: "patch",
    path: "/api/v1/updates/{id}",
    tag: "Updates",
    summary: "Change some fields of an update, or publish a draft",
    description: "Send the `version` you read: if someone saved since, the answer is 409 with the current version.",
    pathParams: ID("update"),
    body: patchUpdateSchema,
    scope: "update.write",
  },
  { method: "get", path: "/api/v1/roadmap-items", tag: "Roadmap", summary: "List roadmap items", filters: roadmapFiltersSchema },
  { method: "post", path: "/api/v1/roadmap-items", tag: "Roadmap", summary: "Add an item to a team's roadmap for a cycle", body: postRoadmapItemSchema, scope: "roadmap.write", created: true },
  {
    method: "patch",
    path: "/api/v1/roadmap-items/{id}",
    tag: "Roadmap",
    summary: "Change some fields of a roadmap item",
    description: "Send the `version` you read: if someone saved since, the answer is 409.",
    pathParams: ID("roadmap item"),
    body: patchRoadmapItemSchema,
    scope: "roadmap.write",
  },
  { method: "get", path: "/api/v1/metrics", tag: "Metrics", summary: "List metric definitions", filters: metricFiltersSchema },
  { method: "get", path: "/api/v1/metric-values", tag: "Metrics", summary: "List recorded metric values, newest first", filters: metricValueFiltersSchema },
  {
    method: "post",
    path: "/api/v1/metric-values",
    tag: "Metrics",
    summary: "Record a metric value for a team and cycle",
    description: "What CI jobs use, e.g. to post weekly sanity-test results. The metric must be the team's own or community-wide.",
    body: recordMetricValueSchema,
    scope: "metric.record",
    created: true,
  },
  { method: "get", path: "/api/v1/help-requests", tag: "Community", summary: "List help requests", filters: helpRequestFiltersSchema },
  { method: "get", path: "/api/v1/topics", tag: "Community", summary: "List community topics with their action items", filters: cycleFiltersSchema },
  { method: "get", path: "/api/v1/gatherings", tag: "Community", summary: "List gatherings", filters: cycleFiltersSchema },
];

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const errorRef = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operationObject(op: Operation) {
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } })),
    ...(op.filters
      ? [
          ...Object.entries(op.filters.shape).map(([name, schema]) => ({ name, in: "query", required: false, schema: jsonSchema(schema as z.ZodType) })),
          { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "per_page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: 20 } },
        ]
      : []),
  ];
  const success = op.filters
    ? { $ref: "#/components/schemas/Page" }
    : { type: "object", required: ["data"], properties: { data: { type: "object" } } };
  const write = op.method !== "get";
  return {
    operationId: `${op.method}${op.path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description || op.scope ? { description: [op.description, op.scope ? `A token needs the \`${op.scope}\` scope (and the team, if it lists teams).` : null].filter(Boolean).join("\n\n") } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    security: write ? [{ bearerToken: [] }, { sessionCookie: [] }] : [{}, { bearerToken: [] }, { sessionCookie: [] }],
    responses: {
      [op.created ? "201" : "200"]: { description: op.created ? "Created" : "OK", content: { "application/json": { schema: success } } },
      "400": errorRef("The body or query is malformed; `fields` names each field at fault"),
      "401": errorRef(write ? "No credentials, or a token that is unknown, expired or revoked" : "The site is private, or the token is unknown, expired or revoked"),
      ...(write ? { "403": errorRef("The caller (or the token's scopes and teams) may not do this") } : {}),
      ...(op.pathParams ? { "404": errorRef("No such entity") } : {}),
      ...(op.method === "patch" ? { "409": errorRef("Someone saved a newer version; `current.version` says which") } : {}),
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
                current: { type: "object", properties: { version: { type: "integer" }, changedFields: { type: "array", items: { type: "string" } } } },
              },
            },
          },
        },
        Page: {
          type: "object",
          required: ["data", "pagination"],
          properties: {
            data: { type: "array", items: { type: "object" } },
            pagination: {
              type: "object",
              required: ["page", "perPage", "total"],
              properties: { page: { type: "integer" }, perPage: { type: "integer" }, total: { type: "integer" } },
            },
          },
        },
      },
    },
  };
}

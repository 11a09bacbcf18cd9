// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API, generated from its zod schemas.
import { openApiDocument } from "@/lib/openapi";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

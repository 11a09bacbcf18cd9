// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API, generated from its zod schemas.
import { answer } from "@/lib/http/api";
import { readerFromRequest } from "@/lib/dal/identity/api-actor";
import { openApiDocument } from "@/lib/http/openapi";

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    // Like every API read: the proxy lets any request with an Authorization header through to check it here.
    await readerFromRequest(request);
    return Response.json(openApiDocument(), { headers: { "Cache-Control": "private, max-age=300" } });
  });
}

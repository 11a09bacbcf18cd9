import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { openApiDocument } from "@/lib/http/openapi";

export const metadata: Metadata = { title: "API reference" };
export const instant = false;

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  anyOf?: Schema[];
  const?: unknown;
}

interface OperationDoc {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
}

/** The `data` of the success answer: one entity's fields, or (for a list) each item's. */
function answerFields(op: OperationDoc): { caption: string; schema: Schema } | null {
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"))?.[1];
  const data = success?.content?.["application/json"].schema.properties?.data;
  if (data?.items?.properties) return { caption: "Answer: each item of data", schema: data.items };
  return data?.properties ? { caption: "Answer: data", schema: data } : null;
}

/** A schema in a few words: "string, at most 160", "one of on_track, at_risk…", "array of object". */
function describe(schema: Schema): string {
  if (schema.anyOf) return schema.anyOf.map(describe).join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array" && schema.items)
    return `array of ${describe(schema.items)}${schema.items.properties ? ` {${Object.keys(schema.items.properties).join(", ")}}` : ""}`;
  const limits = [
    schema.format,
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : null,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : null,
    schema.maxLength !== undefined ? `up to ${schema.maxLength.toLocaleString("en-US")} characters` : null,
  ].filter(Boolean);
  return limits.length > 0 ? `${type} (${limits.join(", ")})` : type;
}

function FieldTable({
  caption,
  operation,
  rows,
}: {
  caption: string;
  operation: string;
  rows: { name: string; required: boolean; schema: Schema; description?: string }[];
}) {
  return (
    // Long field names and types scroll inside the table's own box on narrow screens.
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`${caption} of ${operation}`}>
      <table className="w-full text-left text-sm">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-1 pr-3">
              Name
            </th>
            <th scope="col" className="py-1 pr-3">
              Type
            </th>
            <th scope="col" className="py-1">
              Notes
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="py-1 pr-3 font-mono">{row.name}</td>
              <td className="py-1 pr-3">{describe(row.schema)}</td>
              <td className="py-1">
                {[
                  row.required ? "required" : null,
                  row.schema.default !== undefined ? `default ${JSON.stringify(row.schema.default)}` : null,
                  row.description ?? row.schema.description,
                ]
                  .filter(Boolean)
                  .join("; ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The API reference, rendered on the server from the same OpenAPI document the API serves. */
export default function ApiReferencePage() {
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as OperationDoc & { tags: string[] } })),
  );
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">API reference</h1>
        <div className="max-w-3xl text-slate-700 dark:text-slate-300">
          <Markdown>{document.info.description}</Markdown>
        </div>
        <p className="text-sm">
          The machine-readable document:{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {document.openapi}).
        </p>
      </header>
      {document.tags.map(({ name }) => (
        <section key={name} aria-labelledby={`tag-${name}`} className="space-y-4">
          <h2 id={`tag-${name}`} className="text-xl font-semibold tracking-tight">
            {name}
          </h2>
          {operations
            .filter(({ op }) => op.tags.includes(name))
            .map(({ path, method, op }) => {
              const body = op.requestBody?.content["application/json"].schema;
              const answer = answerFields(op);
              return (
                <Card key={op.operationId} as="article">
                  <h3 id={op.operationId} className="font-mono text-base font-semibold break-all">
                    <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs uppercase dark:bg-slate-700">{method}</span>
                    {path}
                  </h3>
                  <p className="mt-1">{op.summary}</p>
                  {op.description ? (
                    <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                      <Markdown>{op.description}</Markdown>
                    </div>
                  ) : null}
                  {op.parameters?.length ? (
                    <FieldTable
                      caption="Parameters"
                      operation={`${method.toUpperCase()} ${path}`}
                      rows={op.parameters.map((p) => ({
                        name: `${p.name} (${p.in})`,
                        required: p.required,
                        schema: p.schema,
                        description: p.description,
                      }))}
                    />
                  ) : null}
                  {body?.properties ? (
                    <FieldTable
                      caption="JSON body"
                      operation={`${method.toUpperCase()} ${path}`}
                      rows={Object.entries(body.properties).map(([field, schema]) => ({
                        name: field,
                        required: body.required?.includes(field) ?? false,
                        schema,
                      }))}
                    />
                  ) : null}
                  {answer?.schema.properties ? (
                    <FieldTable
                      caption={answer.caption}
                      operation={`${method.toUpperCase()} ${path}`}
                      rows={Object.entries(answer.schema.properties).map(([field, schema]) => ({ name: field, required: false, schema }))}
                    />
                  ) : null}
                  <p className="mt-3 text-sm">
                    <span className="font-medium">Answers:</span>{" "}
                    {Object.entries(op.responses)
                      .map(([status, r]) => `${status} ${r.description}`)
                      .join(" · ")}
                  </p>
                </Card>
              );
            })}
        </section>
      ))}
    </div>
  );
}

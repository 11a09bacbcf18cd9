import { dataSchema, defineOperation } from "@/lib/http/api";
import { deletedMetricValueSchema, metricValueSchema } from "@/lib/validation/api";
import { metricValueChangesSchema } from "@/lib/validation/metrics";
import { idParam } from "../../params";

export const patch = defineOperation({
  method: "patch",
  path: "/api/v1/metric-values/{id}",
  tag: "Metrics",
  summary: "Correct a recorded metric value",
  description:
    "Change its value, note or observedAt. The cycle's figure is formed again at once: the corrected value replaces the old one, it is not added to it. A value reported by a draft update is changed in that update.",
  pathParams: idParam("metric value"),
  body: metricValueChangesSchema,
  response: dataSchema(metricValueSchema),
  scope: "metric.record",
});

const del = defineOperation({
  method: "delete",
  path: "/api/v1/metric-values/{id}",
  tag: "Metrics",
  summary: "Delete a metric value recorded by mistake",
  description: "The cycle's figure is formed again at once from the values that remain.",
  pathParams: idParam("metric value"),
  response: dataSchema(deletedMetricValueSchema),
  scope: "metric.record",
});

// `delete` is a reserved word: the operation is declared under another name and exported as the method it is.
export { del as delete };

import { dataSchema, defineOperation, pageOfSchema } from "@/lib/http/api";
import { metricValueFiltersSchema, metricValueSchema, recordedMetricValueSchema, recordMetricValueSchema } from "@/lib/validation/api";

export const get = defineOperation({
  method: "get",
  path: "/api/v1/metric-values",
  tag: "Metrics",
  summary: "List recorded metric values, newest first",
  filters: metricValueFiltersSchema,
  response: pageOfSchema(metricValueSchema),
});

export const post = defineOperation({
  method: "post",
  path: "/api/v1/metric-values",
  tag: "Metrics",
  summary: "Record a metric value for a team and cycle",
  description: "What CI jobs use, e.g. to post weekly sanity-test results. The metric must be the team's own or community-wide.",
  body: recordMetricValueSchema,
  response: dataSchema(recordedMetricValueSchema),
  scope: "metric.record",
  created: true,
});

import { Markdown } from "@/components/ui/markdown";

interface RecapTopic {
  title: string;
  notes: string;
  outcome: "decision" | "no_decision";
  decision: string;
  actionItems: { description: string; ownerName: string }[];
}

/** The community topics of a recap (a cycle's or a gathering's), each with its outcome and action items. */
export function RecapTopics({ topics }: { topics: RecapTopic[] }) {
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby="topics-heading" className="space-y-6">
      <h2 id="topics-heading" className="text-2xl font-semibold">
        Community topics
      </h2>
      {topics.map((topic, i) => (
        <section key={i} aria-label={topic.title} className="space-y-2 break-inside-avoid-page">
          <h3 className="text-xl font-semibold">{topic.title}</h3>
          <Markdown>{topic.notes}</Markdown>
          <p>
            <strong>Outcome:</strong> {topic.outcome === "decision" ? topic.decision : "no decision yet."}
          </p>
          {topic.actionItems.length > 0 ? (
            <ul className="list-disc pl-5">
              {topic.actionItems.map((a, j) => (
                <li key={j}>
                  {a.description}
                  {a.ownerName ? ` (${a.ownerName})` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </section>
  );
}

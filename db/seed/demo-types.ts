/** The shape of the demo community; `demo-data.ts` fills it, `load-demo.ts` writes it. */
import type {
  CycleStatus,
  Health,
  HelpStatus,
  MetricAggregation,
  MetricDirection,
  MetricKind,
  RoadmapKind,
  RoadmapStatus,
  TeamLinkKind,
  TopicOutcome,
  TrackerKind,
} from "@/lib/domain";

export interface DemoCommunity {
  settings: { name: string; description: string; websiteUrl: string; docsUrl: string; mailingListUrl: string; codeUrl: string };
  healthDefinitions: { health: Health; label: string; meaning: string }[];
  /** Demo accounts: one lead per team (by slug) and a release manager. */
  people: { key: string; name: string; email: string; role: "admin" | "release_manager" | "member"; leads: string[] }[];
  cycles: {
    name: string;
    status: CycleStatus;
    startsOn: string;
    targetReleaseOn: string;
    releasedOn: string | null;
    summary: string;
    milestones: { name: string; dueOn: string; doneOn: string | null }[];
  }[];
  gatherings: {
    slug: string;
    name: string;
    cycle: string;
    /** The cycle it wraps up, by name. */
    wrapsCycle: string | null;
    startsOn: string;
    endsOn: string;
    websiteUrl: string | null;
    etherpadUrl: string | null;
    recordingUrl: string | null;
    recapIntro: string;
    recapClosing: string;
  }[];
  teams: {
    slug: string;
    name: string;
    mission: string;
    /** Person key of the release manager who shepherds the team. */
    shepherd: string | null;
    links: { kind: TeamLinkKind; label: string; url: string }[];
  }[];
  metrics: {
    key: string;
    label: string;
    description: string;
    kind: MetricKind;
    direction: MetricDirection;
    aggregation: MetricAggregation;
    /** Team slug, or null for a community-wide metric. */
    team: string | null;
  }[];
  metricValues: { metric: string; team: string; cycle: string; value: number; observedOn: string; note: string }[];
  updates: {
    team: string;
    cycle: string;
    gathering: string | null;
    /** Person key of the author. */
    author: string;
    publishedOn: string;
    headline: string;
    health: Health;
    summary: string;
    done: string;
    inProgress: string;
    planned: string;
    risks: string;
    helpWanted: string;
    links: { label: string; url: string }[];
  }[];
  roadmapItems: {
    team: string;
    cycle: string;
    /** The cycle it was first planned for, when it slipped; defaults to `cycle`. */
    originalCycle?: string;
    title: string;
    description: string;
    status: RoadmapStatus;
    /** When a done item was delivered. */
    deliveredOn?: string;
    kind: RoadmapKind;
    helpWanted: boolean;
    links: { kind: TrackerKind; label: string; url: string }[];
  }[];
  helpRequests: {
    team: string;
    cycle: string;
    /** Title of the team's roadmap item it belongs to, if any. */
    roadmapItem: string | null;
    title: string;
    details: string;
    linkUrl: string | null;
    contact: string;
    /** Person key of the owner on the team. */
    owner: string | null;
    status: HelpStatus;
  }[];
  topics: {
    cycle: string;
    gathering: string | null;
    title: string;
    notes: string;
    outcome: TopicOutcome;
    decision: string;
    actionItems: { description: string; ownerName: string }[];
  }[];
}

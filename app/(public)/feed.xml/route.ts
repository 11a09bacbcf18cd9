// GET /feed.xml — every published update, newest first.
import { feedResponse } from "@/lib/http/feed-response";

export async function GET(): Promise<Response> {
  return feedResponse({}, "/feed.xml");
}

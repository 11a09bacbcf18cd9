/** Markdown that once held the server's one event loop for seconds per view (issue 12), each within a section's 20,000 characters. */
export const FREEZE_PAYLOADS = {
  emphasis: "*a".repeat(10_000),
  doubleBrackets: "[[".repeat(5_000),
  quotes: "> ".repeat(10_000),
  brackets: "[".repeat(20_000),
  wideTable: `${"|a".repeat(3_000)}|\n${"|-".repeat(3_000)}|\n${"|b".repeat(3_000)}|`,
} as const;

/** Distinct words, so that two texts made from different seeds share almost none. */
export function unrelatedWords(seed: number, length: number): string {
  let text = "";
  for (let i = 0; text.length < length; i++) text += `w${seed}x${i} `;
  return text.slice(0, length);
}

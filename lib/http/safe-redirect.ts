/**
 * Only same-site paths may be a "next" destination: never another origin. The value is
 * resolved the way a browser resolves it (the WHATWG URL parser drops tabs and newlines
 * and reads "\" as "/", so "/\t/evil.example" and "/\\evil.example" name another host)
 * against a placeholder origin; anything that lands elsewhere goes to the home page.
 */
const PLACEHOLDER = new URL("http://cycleboard.invalid");

export function safeNextPath(next: string | null | undefined): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER.origin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

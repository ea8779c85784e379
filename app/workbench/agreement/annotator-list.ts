/** The usernames typed into the assignment form: separated by commas or spaces, lower-cased as accounts are, each once, in order. */
export function parseAnnotatorList(text: string): string[] {
  const names = text
    .split(/[\s,;]+/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  return [...new Set(names)];
}

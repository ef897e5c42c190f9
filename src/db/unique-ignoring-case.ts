/** The first spelling of each tag, compared without case ("Pricing" and "pricing" are one tag). */
export function uniqueIgnoringCase(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

/**
 * Edit distance (insertions, deletions, substitutions) between two short
 * strings, for "did you mean" suggestions.
 * @example editDistance('twiter', 'twitter') // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates closest to `word` (case-insensitive), nearest first, at most
 * `limit`, and only those within a third of the word's length (at least 2
 * edits): a suggestion that far off would mislead.
 * @example closest('twiter', ['twitter', 'tiktok']) // ['twitter']
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = word.toLowerCase();
  const within = Math.max(2, Math.floor(target.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(target, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= within)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

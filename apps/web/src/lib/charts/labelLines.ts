/**
 * A row label in at most two lines of at most `maxChars` characters, broken at the last space that fits ("Training:
 * change of handle time" → ["Training: change of handle", "time"]); the second line ends in "…" when the rest is
 * longer. A tornado's inputs are named in full where one line of its margin would cut them ("…of handle ti…").
 */
export function labelLines(label: string, maxChars: number): string[] {
  if (label.length <= maxChars) return [label];
  const space = label.lastIndexOf(" ", maxChars);
  const cut = space > 0 ? space : maxChars;
  const first = label.slice(0, cut);
  const rest = label.slice(cut).trimStart();
  return [first, rest.length > maxChars ? `${rest.slice(0, maxChars - 1).trimEnd()}…` : rest];
}

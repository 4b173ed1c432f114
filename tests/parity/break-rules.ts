/**
 * `--break probability`: a deliberately wrong rule set, to show the suite fails when the
 * kernel runs rules other than the engine's. The first `--probability` of each node's
 * rules is pushed to 0.9 (or 0.1 when it is already high), which skews the split.
 */
export function breakProbability(rules: string): string {
  return rules.replace(
    /--probability (\d\.\d+)/,
    (_m, p: string) => `--probability ${Number(p) >= 0.9 ? '0.10000000000' : '0.90000000000'}`,
  );
}

/** The ways `--break` can spoil the rules before loading. */
export const BREAKS: Readonly<Record<string, (rules: string) => string>> = { probability: breakProbability };

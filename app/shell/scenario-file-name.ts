/**
 * The name a downloaded scenario is saved under: `packetwalk-<name>.json`,
 * the scenario's free-text name reduced to lower-case letters, digits and
 * "-" so that no name can smuggle a path or odd characters into it.
 */
export function scenarioFileName(name: string): string {
  return `packetwalk-${fileSlug(name)}.json`;
}

/** A free-text name as a file name's part: lower-case letters, digits and "-", at most 60 characters ('scenario' when nothing is left). */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'scenario';
}

/**
 * The name a downloaded scenario is saved under: `packetwalk-<name>.json`,
 * the scenario's free-text name reduced to lower-case letters, digits and
 * "-" so that no name can smuggle a path or odd characters into it.
 */
export function scenarioFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `packetwalk-${slug || 'scenario'}.json`;
}

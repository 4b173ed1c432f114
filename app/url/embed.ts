/**
 * `?embed=1`: the page inside an iframe (only the topology, the controls and
 * the narration). Read once at load; the flag stays in the URL while embedded.
 */
export function readEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

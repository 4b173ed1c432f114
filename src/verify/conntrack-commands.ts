import { formatConntrackSummary } from '../conntrack/format-conntrack';
import type { ConntrackChange, NodeConntrack } from '../trace/types';
import type { VerifyCommand } from './types';

/** The original tuple at the head of a `conntrack -L` line: protocol, destination and its port. */
interface OrigTuple {
  readonly protocol: string;
  readonly dst: string;
  readonly dport: string | null;
}

function origTuple(line: string): OrigTuple | null {
  const protocol = /^(\S+)/.exec(line)?.[1];
  const dst = / dst=(\S+)/.exec(line)?.[1];
  if (protocol === undefined || dst === undefined) return null;
  return { protocol, dst, dport: / dport=(\d+)/.exec(line)?.[1] ?? null };
}

const sameOrig = (a: OrigTuple, b: OrigTuple) => a.protocol === b.protocol && a.dst === b.dst && a.dport === b.dport;

/**
 * The entry the step made or matched, looked up the way conntrack-tools
 * filters (`-d` is the original destination, `--dport` its port, both after
 * `-p`): the node's table filtered to the entries sharing that original
 * destination, then the count line conntrack prints on stderr. Before them,
 * `conntrack -E` to watch the entry appear and change while a connection is made.
 */
export function conntrackCommands(change: ConntrackChange, tables: readonly NodeConntrack[]): VerifyCommand[] {
  const table = tables.find((t) => t.node === change.node);
  const line = table?.entries.find((e) => e.id === change.entryId)?.text;
  const orig = line === undefined ? null : origTuple(line);
  if (!table || !orig) return [];
  const port = orig.dport === null ? '' : ` --dport ${orig.dport}`;
  const shown = table.entries
    .map((e) => e.text)
    .filter((text) => {
      const other = origTuple(text);
      return other !== null && sameOrig(other, orig);
    });
  return [
    {
      id: 'conntrack-list',
      params: { dst: orig.dst, node: change.node },
      command: `conntrack -L -d ${orig.dst} -p ${orig.protocol}${port}`,
      expected: { lines: [...shown, formatConntrackSummary(shown.length)], fidelity: 'ports-and-timers' },
    },
    { id: 'conntrack-events', params: { protocol: orig.protocol }, command: `conntrack -E -p ${orig.protocol}`, expected: null },
  ];
}

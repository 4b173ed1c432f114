import type { IpvsChange, NodeIpvs } from '../../src/index';

/** Which lines of `ipvsadm -Ln` the IPVS panel marks: the virtual server and its chosen real server. */
export interface IpvsHighlight {
  readonly virtualServer: number | null;
  readonly realServer: number | null;
}

const NONE: IpvsHighlight = { virtualServer: null, realServer: null };

/**
 * Finds the change's lines in the printed table. A virtual server line is
 * "TCP  10.96.0.10:80 rr [flags]"; its real servers follow as "  -> ip:port ..."
 * lines until the next virtual server, so the real server is searched only in
 * that block (the same pod can back several Services). Read from the text the
 * engine printed, the way a reader would scan `ipvsadm -Ln`.
 */
export function ipvsHighlight(table: NodeIpvs | null, change: IpvsChange | null): IpvsHighlight {
  if (!table || !change || table.node !== change.node) return NONE;
  const lines = table.table;
  const vs = lines.findIndex((l) => l === change.virtualServer || l.startsWith(`${change.virtualServer} `));
  if (vs < 0) return NONE;
  let rs: number | null = null;
  for (let i = vs + 1; i < lines.length && lines[i]!.startsWith('  ->'); i++) {
    if (lines[i]!.slice(4).trimStart().startsWith(`${change.realServer} `)) rs = i;
  }
  return { virtualServer: vs, realServer: rs };
}

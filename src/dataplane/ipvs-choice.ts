import { realServerKey, shBucket, dhBucket, virtualServerKey, type IpvsState } from '../ipvs';
import type { VirtualServer } from '../ipvs/types';
import type { Packet } from '../net/packet';
import type { Note } from '../trace/types';
import { formatSeconds } from './service-choice';

type Params = Note['params'];

/** Why the scheduler picked its real server, as the note's id suffix and parameters (ip_vs_<scheduler>.c). */
function schedulerReason(before: IpvsState, vs: VirtualServer, packet: Packet): { readonly id: string; readonly params: Params } {
  const dests = vs.realServers;
  const loads = dests.map((d) => `${realServerKey(d)} ${d.activeConn}/${d.inActConn}`);
  switch (vs.scheduler) {
    case 'rr': {
      const last = before.schedulerState[virtualServerKey(vs)]?.rr ?? null;
      return last === null ? { id: 'rr-first', params: {} } : { id: 'rr', params: { previous: last } };
    }
    case 'wrr':
      return { id: 'wrr', params: { weights: dests.map((d) => `${realServerKey(d)} ${d.weight}`) } };
    case 'lc':
    case 'wlc':
    case 'sed':
    case 'nq':
      return { id: 'least', params: { loads } };
    case 'sh':
      return { id: 'sh', params: { bucket: shBucket(packet.srcIp) } };
    case 'dh':
      return { id: 'dh', params: { bucket: dhBucket(packet.dstIp) } };
  }
}

/**
 * The note of the IPVS step that chose a real server for a connection's
 * first packet, written from what chose it: a persistence template
 * (sessionAffinity: ClientIP) that already ties the client to a real server,
 * with the seconds it had left; or the scheduler, and why it picked this one
 * (rr: the next after the last pick; lc/wlc/sed/nq: the fewest connections;
 * sh: the bucket the client's address hashes to). `before` is the IPVS state
 * the packet met.
 *
 * @example ipvsChoiceNote(before, packet, 'scheduled', vs, rs, base).id // 'ipvs.scheduled.rr'
 */
export function ipvsChoiceNote(
  before: IpvsState,
  packet: Packet,
  via: 'scheduled' | 'persistent',
  vs: VirtualServer,
  now: number,
  base: Params,
): Note {
  const params = { ...base, client: packet.srcIp, timeout: vs.persistent?.timeout ?? 0 };
  if (via === 'persistent') {
    const template = before.templates.find(
      (t) => t.protocol === vs.protocol && t.clientIp === packet.srcIp && t.virtualIp === vs.ip && t.virtualPort === vs.port,
    );
    const left = template ? Math.max(0, template.expiresAt - now) : 0;
    return { id: 'ipvs.persistent', params: { ...params, left: formatSeconds(left) } };
  }
  const reason = schedulerReason(before, vs, packet);
  const template = vs.persistent !== null ? '.template' : '';
  return { id: `ipvs.scheduled.${reason.id}${template}`, params: { ...params, ...reason.params } };
}

import type { Packet } from '../net/packet';
import { scheduleDh, scheduleSh } from './schedule-hash';
import { scheduleLc, scheduleNq, scheduleSed, scheduleWlc } from './schedule-least';
import { scheduleRr } from './schedule-rr';
import { scheduleWrr, wrrDestChanged, wrrInit } from './schedule-wrr';
import type { RealServer, SchedulerMemory, VirtualServer } from './types';

/** What a scheduler picked (an index into the service's dest list) and its new memory. */
export interface SchedulerPick {
  readonly index: number | null;
  readonly memory: SchedulerMemory;
}

/**
 * Runs the service's scheduler (`svc->scheduler->schedule`) for the first packet of a
 * connection. Pure: the rr/wrr position comes in as `memory` and goes out updated.
 * A null index is the kernel's "no destination available".
 */
export function runScheduler(vs: VirtualServer, packet: Packet, memory: SchedulerMemory): SchedulerPick {
  const dests = vs.realServers;
  switch (vs.scheduler) {
    case 'rr': {
      const pick = scheduleRr(dests, memory.rr ?? null);
      return pick === null ? { index: null, memory } : { index: pick.index, memory: { ...memory, rr: pick.position } };
    }
    case 'wrr': {
      const pick = scheduleWrr(dests, memory.wrr ?? wrrInit(dests));
      return { index: pick.index, memory: { ...memory, wrr: pick.mark } };
    }
    case 'lc':
      return { index: scheduleLc(dests), memory };
    case 'wlc':
      return { index: scheduleWlc(dests), memory };
    case 'sed':
      return { index: scheduleSed(dests), memory };
    case 'nq':
      return { index: scheduleNq(dests), memory };
    case 'sh':
      return { index: scheduleSh(dests, packet.srcIp), memory };
    case 'dh':
      return { index: scheduleDh(dests, packet.dstIp), memory };
  }
}

/**
 * The scheduler hooks run when a service's dests change (add_dest / del_dest /
 * upd_dest): wrr recomputes its mark (ip_vs_wrr_dest_changed); rr keeps its position
 * unless that dest was deleted (see `rrPositionAfterDelete`); sh/dh rebuild their
 * tables, which here are derived from the list on every pick.
 */
export function schedulerAfterDestChange(vs: VirtualServer, newDests: readonly RealServer[], memory: SchedulerMemory): SchedulerMemory {
  if (vs.scheduler === 'wrr') return { ...memory, wrr: wrrDestChanged(newDests, memory.wrr ?? wrrInit(vs.realServers)) };
  return memory;
}

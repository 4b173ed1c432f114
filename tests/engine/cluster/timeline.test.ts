import { describe, expect, it } from 'vitest';
import { cidrSize, nthAddress, parseCidr } from '../../../src/net/cidr';
import { ipv4ToNumber } from '../../../src/net/ipv4';
import { nextPodAddress, nextServiceAddress } from '../../../src/cluster/ipam';
import { scheduleTimeline } from '../../../src/cluster/timeline';

const conn = (at?: number) => ({ from: 'pod1', to: 'svc1', port: 80, protocol: 'TCP' as const, ...(at === undefined ? {} : { at }) });
const event = (at: number) => ({ at, action: 'delete-pod' as const, pod: 'pod4' });

describe('scheduleTimeline', () => {
  it('puts an event before a connection at the same second, and orders the rest by time', () => {
    const items = scheduleTimeline({ traffic: [conn(0), conn(2), conn(5)], events: [event(5), event(2), event(1)] });
    expect(items.map((i) => `${i.kind[0]}${i.index}@${i.at}`)).toEqual(['t0@0', 'e2@1', 'e1@2', 't1@2', 'e0@5', 't2@5']);
  });

  it('opens a connection without `at` at its index, never before the one ahead of it', () => {
    const items = scheduleTimeline({ traffic: [conn(3), conn(), conn()], events: [] });
    expect(items.map((i) => i.at)).toEqual([3, 3, 3]);
  });
});

describe('host-local allocation', () => {
  const cidr = (() => {
    const c = parseCidr('10.244.2.0/29');
    if (!c.ok) throw new Error();
    return c.value;
  })();
  const taken = (...last: number[]) => new Set(last.map((n) => ipv4ToNumber(nthAddress(cidr, n))));

  it('hands out the address after the last one it gave, not a freed one', () => {
    expect(nextPodAddress(cidr, 3, taken(2))).toBe(4);
  });

  it('wraps round to the start of the range, skipping addresses in use', () => {
    expect(cidrSize(cidr)).toBe(8);
    expect(nextPodAddress(cidr, 6, taken(2, 4))).toBe(3);
    expect(nextPodAddress(cidr, 6, taken(2, 3, 4, 5, 6))).toBeNull();
  });

  it('gives cluster IPs from the tenth address on, continuing after the last one', () => {
    const svc = (() => {
      const c = parseCidr('10.96.0.0/12');
      if (!c.ok) throw new Error();
      return c.value;
    })();
    expect(nextServiceAddress(svc, 9, new Set())).toBe(10);
    expect(nextServiceAddress(svc, 10, new Set())).toBe(11);
  });
});

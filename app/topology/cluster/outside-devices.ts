import type { Topology } from '../../../src/index';
import type { Box } from './geometry';
import type { DeviceLayout } from './model';

/**
 * Places for the world outside the cluster (a client's `<name>/eth0`, `outside/router`,
 * `outside/load-balancer`) on the network's band, spread along it from the left, so a
 * packet from outside has a path to follow. They are positions only: drawing the outside
 * world (the clients, the router or load balancer, the nodes' network) is still to do.
 */
export function outsideDevices(topology: Topology, band: Box): DeviceLayout[] {
  const outside = topology.outside;
  if (!outside) return [];
  const ids = [
    ...outside.clients.map((c) => ({ id: `${c.name}/eth0`, label: c.name, detail: c.ip })),
    ...outside.hops.map((h) => ({ id: `outside/${h}`, label: h, detail: '' })),
  ];
  const step = band.w / (ids.length + 1);
  return ids.map(({ id, label, detail }, i) => {
    const x = band.x + step * (i + 1);
    return { id, kind: 'net', label, detail, box: { x: x - 1, y: band.y, w: 2, h: band.h }, anchor: [x, band.y + band.h / 2] };
  });
}

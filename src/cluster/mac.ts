import type { Ipv4 } from '../net/ipv4';

const hex = (n: number) => n.toString(16).padStart(2, '0');

/**
 * The MAC the CNI bridge plugin gives a pod's eth0 and the bridge: 0a:58 followed
 * by the IPv4 address (containernetworking/plugins, pkg/utils/hwaddr), so a MAC
 * can be read back as its IP.
 */
export function macForIp(ip: Ipv4): string {
  return ['0a', '58', ...ip.split('.').map((o) => hex(Number(o)))].join(':');
}

/** A VM's NIC: the QEMU/KVM prefix 52:54:00 and the last three octets of its IP. */
export function nodeMac(ip: Ipv4): string {
  return [
    '52',
    '54',
    '00',
    ...ip
      .split('.')
      .slice(1)
      .map((o) => hex(Number(o))),
  ].join(':');
}

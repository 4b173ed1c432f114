import { parseIp, parseIpCidr } from '../kube-proxy/ip-address';

const CT_STATES = ['new', 'established', 'related', 'invalid', 'untracked'];
const CT_STATUSES = ['expected', 'seen-reply', 'assured', 'confirmed', 'snat', 'dnat', 'dying'];
const FIB_TYPES = ['unspec', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit'];
const PROTOCOLS = ['tcp', 'udp', 'sctp', 'icmp', 'icmpv6', 'udplite', 'dccp'];

const isNumber = (t: string, max: number): boolean => /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(t) && Number(t) <= max;

function isAddress(type: string, t: string): boolean {
  const family = type === 'ipv4_addr' ? 'IPv4' : 'IPv6';
  if (t.includes('/')) return parseIpCidr(t)?.family === family;
  const dash = t.indexOf('-', 1);
  if (dash > 0) return isAddress(type, t.slice(0, dash)) && isAddress(type, t.slice(dash + 1));
  return parseIp(t)?.family === family;
}

function isRangeOf(t: string, max: number): boolean {
  const dash = t.indexOf('-', 1);
  return dash > 0 ? isNumber(t.slice(0, dash), max) && isNumber(t.slice(dash + 1), max) : isNumber(t, max);
}

/**
 * Whether a value can stand for a key part of this type, as nft checks it when it loads a
 * rule or an element (an address of the right family, a prefix or a range of them; a port;
 * a protocol; a mark; a conntrack state). Types nft has but kube-proxy does not use pass.
 *
 * @example isValidValue('ipv4_addr', '10.0.0.0/8') // true
 */
export function isValidValue(type: string, text: string): boolean {
  switch (type) {
    case 'ipv4_addr':
    case 'ipv6_addr':
      return isAddress(type, text);
    case 'inet_service':
      return isRangeOf(text, 65535);
    case 'inet_proto':
      return PROTOCOLS.includes(text) || isNumber(text, 255);
    case 'mark':
    case 'integer':
      return isRangeOf(text, 0xffffffff);
    case 'ct_state':
      return CT_STATES.includes(text);
    case 'ct_status':
      return CT_STATUSES.includes(text);
    case 'fib_addrtype':
      return FIB_TYPES.includes(text);
    default:
      return true;
  }
}

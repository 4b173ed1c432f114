import { parseCidr, type Cidr } from '../net/cidr';
import { parseIpv4, type Ipv4 } from '../net/ipv4';

/** A mistake in a scenario, at the path of the field that holds it ("cluster.pods[2].ip"). */
export interface ClusterError {
  readonly path: string;
  readonly message: string;
}

/**
 * Collects a scenario's cross-field mistakes in the order they are found, so that a
 * user sees every one of them at once, and parses addresses, reporting those that do
 * not parse.
 */
export interface ClusterChecks {
  readonly errors: ClusterError[];
  fail(path: string, message: string): void;
  /** The CIDR, or undefined once the reason it does not parse is reported. */
  cidr(text: string, path: string): Cidr | undefined;
  /** The address, or undefined once the reason it does not parse is reported. */
  ip(text: string, path: string): Ipv4 | undefined;
}

export function createClusterChecks(): ClusterChecks {
  const errors: ClusterError[] = [];
  const fail = (path: string, message: string) => void errors.push({ path, message });
  return {
    errors,
    fail,
    cidr: (text, path) => {
      const parsed = parseCidr(text);
      if (!parsed.ok) fail(path, parsed.error);
      return parsed.ok ? parsed.value : undefined;
    },
    ip: (text, path) => {
      const parsed = parseIpv4(text);
      if (!parsed.ok) fail(path, parsed.error);
      return parsed.ok ? parsed.value : undefined;
    },
  };
}

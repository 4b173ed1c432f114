import type { ServicePortInput } from './edits';
import { portOfText } from './exposure-draft';

/** A Service port as its form holds it: text, until it is applied. */
export interface PortDraft {
  readonly name: string;
  readonly port: string;
  readonly targetPort: string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  /** NodePort and LoadBalancer Services: the node port, '' for one allocated by the engine. */
  readonly nodePort: string;
}

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

export function portDraftOf(p: ServicePortInput): PortDraft {
  return {
    name: p.name ?? '',
    port: String(p.port),
    targetPort: p.targetPort === undefined ? '' : String(p.targetPort),
    protocol: p.protocol ?? 'TCP',
    nodePort: p.nodePort === undefined ? '' : String(p.nodePort),
  };
}

/**
 * The port the draft stands for. A target port of digits is a number, any
 * other text the name of a container port, an empty one "same as port". A
 * port that is not a number stays NaN, for the validation to report with its path.
 * The node port is kept only where the Service's type has one (`withNodePort`).
 */
export function portOfDraft(d: PortDraft, withNodePort = false): ServicePortInput {
  const target = d.targetPort.trim();
  const port: ServicePortInput = { name: d.name.trim(), port: d.port.trim() === '' ? NaN : Number(d.port), protocol: d.protocol };
  if (target !== '') port.targetPort = /^[0-9]+$/.test(target) ? Number(target) : target;
  const nodePort = withNodePort ? portOfText(d.nodePort) : undefined;
  if (nodePort !== undefined) port.nodePort = nodePort;
  return port;
}

/**
 * Where the writers of a service port's own nat chains (KUBE-SVC, KUBE-SVL, KUBE-EXT,
 * KUBE-FW, KUBE-SEP) put them. A partial sync skips services that did not change: their
 * chains stay as they are in the kernel and still count as active, but nothing is
 * written for them (`written` is null).
 */
export interface ServiceChainOutput {
  /** Every service chain this sync keeps; the others are deleted. */
  readonly active: Set<string>;
  readonly written: { readonly chains: string[]; readonly rules: string[] } | null;
}

/** Marks `chain` active and declares it when this sync writes it; returns where its `-A` lines go, or null. */
export function declareServiceChain(out: ServiceChainOutput, chain: string): string[] | null {
  out.active.add(chain);
  if (out.written === null) return null;
  out.written.chains.push(chain);
  return out.written.rules;
}

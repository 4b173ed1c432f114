import type { ClassicPicture } from './picture';

const FIGURE_TITLE = { 'pod-to-service': 'Pod-to-Service', 'service-to-pod': 'Service-to-Pod' } as const;

/**
 * The picture in words, for the svg's accessible name: what the packet is
 * doing where the dot stands (the article's sentence for that step) and the
 * card as it reads.
 */
export function describePicture(p: ClassicPicture): string {
  const pod = p.client.name;
  const veth = p.client.veth;
  const outbound = p.figure === 'pod-to-service';
  let doing: string;
  switch (p.place) {
    case 'podLink':
      doing = outbound ? `the packet leaves ${pod} through its eth0 to ${veth}` : `the packet reaches ${pod}'s eth0 through ${veth}`;
      break;
    case 'bridgeElbow':
      doing = outbound ? `the packet crosses ${veth} to the bridge cbr0` : `the bridge cbr0 forwards the packet to ${veth}`;
      break;
    case 'bridgeUplink':
      doing = 'the bridge does not know the Service and sends the packet to the default route, eth0';
      break;
    case 'iptables':
      doing = p.rewrite
        ? `${p.boxLabel} rewrites the ${p.rewrite.field === 'dst' ? 'destination' : 'source'} from ${p.rewrite.from} to ${p.rewrite.to}`
        : `the packet passes ${p.boxLabel}`;
      break;
    case 'uplink':
      doing = outbound
        ? `the packet leaves ${p.nodeLabel} through eth0 for ${p.endpoint}, across the network`
        : `${p.endpoint}'s reply arrives from the network at ${p.nodeLabel}'s eth0`;
      break;
  }
  const card = p.card.map((l) => (l.struck ? `${l.text} (struck out)` : l.text)).join(', ');
  return `${FIGURE_TITLE[p.figure]}, step ${p.n}: ${doing}. Header card: ${card}.`;
}

export function pictureTitle(p: ClassicPicture): string {
  return `${FIGURE_TITLE[p.figure]}, step ${p.n}`;
}

import { describe, expect, it } from 'vitest';
import { endpointChainName, portProtoHash, servicePortChains } from '../../../src/kube-proxy/chain-name';

describe('chain names (portProtoHash, servicePortEndpointChainName)', () => {
  it.each([
    ['ns1/svc1:p80', 'tcp', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'tcp', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    ['ns5/svc5:p80', 'tcp', 'KUBE-SVC-NUKIZ6OKUXPJNT4C'],
    ['ns2/svc2:p8080', 'tcp', 'KUBE-SVC-2VJB64SDSIJUP5T6'],
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
  ])('hashes %s/%s to %s', (name, proto, chain) => {
    expect(servicePortChains(name, proto).clusterPolicy).toBe(chain);
  });

  it('gives SVC, SVL, EXT and FW the same hash', () => {
    const c = servicePortChains('ns5/svc5:p80', 'tcp');
    expect([c.localPolicy, c.external, c.firewall]).toEqual([
      'KUBE-SVL-NUKIZ6OKUXPJNT4C',
      'KUBE-EXT-NUKIZ6OKUXPJNT4C',
      'KUBE-FW-NUKIZ6OKUXPJNT4C',
    ]);
    expect(portProtoHash('ns5/svc5:p80', 'tcp')).toHaveLength(16);
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns3/svc3:p80', '10.180.0.3:80', 'KUBE-SEP-OYPFS5VJICHGATKP'],
    ['ns5/svc5:p80', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'],
    ['ns3/svc3:p8081', '203.0.113.4:8081', 'KUBE-SEP-RUVVH7YV3PHQBDOS'],
  ])('hashes endpoint %s %s to %s', (name, ep, chain) => {
    expect(endpointChainName(name, 'tcp', ep)).toBe(chain);
  });
});

import type { LbLabResult } from '../../src/index';
import type { LabStrings } from '../i18n/lab-strings';
import { percent, shortDecimal } from './lab-format';

/**
 * Why the rules give the shares they give, written from this Service's own rules: its
 * KUBE-SVC chain's probabilities, each conditional on the rules before it missing; its
 * nftables Service chain's numgen map; or its IPVS virtual server's scheduler and weights.
 */
export function LabExplanation({ result, t }: { readonly result: LbLabResult; readonly t: LabStrings }) {
  const { rules } = result;
  const podOf = (endpoint: string) => result.endpoints.find((e) => e.endpoint === endpoint)?.pod ?? endpoint;
  return (
    <section className="lab-why" data-id="lab-why" aria-label={t.whyTitle}>
      <h3>{t.whyTitle}</h3>
      {rules.kind === 'none' && <p>{t.noRules}</p>}
      {rules.kind === 'statistic' && (
        <>
          <p>{t.chainIntro(rules.svcChain, rules.rules.length)}</p>
          <ol className="lab-rules">
            {rules.rules.map((r, i) => (
              <li key={r.sepChain}>
                {t.ruleLine({
                  endpoint: r.endpoint,
                  pod: podOf(r.endpoint),
                  probability: r.probability,
                  reach: percent(r.reach),
                  share: percent(r.share),
                  p: shortDecimal(r.p),
                  first: i === 0,
                })}
              </li>
            ))}
          </ol>
          {rules.rules.length > 1 && rules.rules.every((r) => Math.abs(r.share - rules.rules[0]!.share) < 1e-6) && (
            <p>
              {t.chainSummary(
                rules.rules.map((r) => r.probability),
                rules.rules.length,
              )}
            </p>
          )}
          {rules.affinitySeconds !== null && <p>{t.affinity(rules.affinitySeconds)}</p>}
        </>
      )}
      {rules.kind === 'numgen' && (
        <>
          <p>{t.numgenIntro(rules.svcChain, rules.mod)}</p>
          <ul className="lab-rules" data-id="lab-numgen">
            {rules.endpoints.map((e) => (
              <li key={e.epChain}>{t.numgenLine(e.value, podOf(e.endpoint), e.endpoint, percent(1 / rules.mod))}</li>
            ))}
          </ul>
          {rules.affinitySeconds !== null && <p>{t.numgenAffinity(rules.affinitySeconds)}</p>}
        </>
      )}
      {rules.kind === 'ipvs' && (
        <>
          <p>{t.scheduler(rules.scheduler, rules.virtualServer)}</p>
          <p>{t.weights(rules.weights.map((w) => `${podOf(w.endpoint)} ${w.weight}`).join(', '))}</p>
          {rules.persistentSeconds !== null && <p>{t.persistence(rules.persistentSeconds)}</p>}
        </>
      )}
    </section>
  );
}

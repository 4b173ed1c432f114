import { fileSlug } from '../shell/scenario-file-name';

/** What a picture shows, for its file name. */
export type ExportSubject =
  | { readonly kind: 'figure'; readonly figure: string; readonly n?: number }
  | { readonly kind: 'step'; readonly step: number }
  | { readonly kind: 'steps'; readonly from: number; readonly to: number };

/**
 * A picture's file name: `packetwalk-<scenario>[-ipvs]-<what it shows>.<ext>`, e.g.
 * `packetwalk-article-pod-to-service-3.png` or `packetwalk-large-ipvs-steps-1-12.gif`
 * (steps numbered from 1, as the page counts them).
 */
export function exportFileName(scenario: string, mode: string, subject: ExportSubject, ext: 'svg' | 'png' | 'gif'): string {
  const what =
    subject.kind === 'figure'
      ? `${fileSlug(subject.figure)}${subject.n === undefined ? '' : `-${subject.n}`}`
      : subject.kind === 'step'
        ? `step-${subject.step}`
        : `steps-${subject.from}-${subject.to}`;
  return `packetwalk-${fileSlug(scenario)}${mode === 'iptables' ? '' : `-${fileSlug(mode)}`}-${what}.${ext}`;
}

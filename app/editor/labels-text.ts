/** Labels as a user types them: "app=web, tier=db" (commas or spaces between pairs). */
export type Labels = Readonly<Record<string, string>>;

export type LabelsResult = { readonly ok: true; readonly labels: Labels } | { readonly ok: false; readonly message: string };

/** Reads "key=value" pairs; the schema checks each key and value afterwards. An empty text is no labels. */
export function parseLabels(text: string): LabelsResult {
  const labels: Record<string, string> = {};
  for (const pair of text.split(/[,\s]+/).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { ok: false, message: `"${pair.slice(0, 40)}" is not key=value` };
    const key = pair.slice(0, eq);
    if (Object.hasOwn(labels, key)) return { ok: false, message: `label "${key.slice(0, 40)}" is given twice` };
    labels[key] = pair.slice(eq + 1);
  }
  return { ok: true, labels };
}

/** The labels as "app=web, tier=db", in their declaration order. */
export function formatLabels(labels: Labels | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** Whether `labels` carry every pair of `selector` (a Service's or a scale group's); an empty selector matches nothing here. */
export function matchesSelector(labels: Labels | undefined, selector: Labels): boolean {
  const pairs = Object.entries(selector);
  return pairs.length > 0 && pairs.every(([k, v]) => labels?.[k] === v);
}

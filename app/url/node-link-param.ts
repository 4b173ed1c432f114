/*
 * A Your node link (`node=`, made by the tab's "Copy a link to this trace") is read once,
 * when the page opens: its raw value is held here for the tab, which decodes it and traces.
 * The URL writer never writes `node=`, so the address bar drops it at the page's first write
 * (replacing the history entry): a reload, a bookmark or a later "Copy link" of the page does
 * not carry the pasted rules on, and editing the form changes no URL.
 */

const held = new WeakMap<object, string>();

/** Keeps a link's raw `node=` value for the page's store, until the tab takes it. */
export function holdNodeLink(store: object, raw: string): void {
  held.set(store, raw);
}

/** The held `node=` value, once: null when the page was not opened by such a link, or after the tab took it. */
export function takeNodeLink(store: object): string | null {
  const raw = held.get(store) ?? null;
  held.delete(store);
  return raw;
}

/**
 * The cluster view's colours: greys for structure (the article's node grey),
 * one blue for whatever the current step touches, the article's red dot for
 * the packet, and the blue and green the article's pod-to-pod figure gives the
 * source and destination pods. Each is a CSS custom property (app/theme.css
 * gives its light, dark and high-contrast values), used as an SVG attribute:
 * the theme is pure CSS, so switching it re-renders nothing.
 */
export const PALETTE = {
  ink: 'var(--pw-diagram-ink)',
  muted: 'var(--pw-diagram-muted)',
  faint: 'var(--pw-faint)',
  line: 'var(--pw-wire)',
  nodeFill: 'var(--pw-node-fill)',
  nodeStroke: 'var(--pw-node-stroke)',
  rootStroke: 'var(--pw-root-stroke)',
  box: 'var(--pw-box)',
  boxStroke: 'var(--pw-box-stroke)',
  hookFill: 'var(--pw-hook-fill)',
  network: 'var(--pw-network)',
  active: 'var(--pw-active)',
  activeFill: 'var(--pw-active-fill)',
  runningFill: 'var(--pw-running-fill)',
  packetFill: 'var(--pw-packet-fill)',
  packetStroke: 'var(--pw-packet-stroke)',
  clientFill: 'var(--pw-client-fill)',
  clientStroke: 'var(--pw-client-stroke)',
  endpointFill: 'var(--pw-endpoint-fill)',
  endpointStroke: 'var(--pw-endpoint-stroke)',
  struck: 'var(--pw-struck)',
  /** A health check's 200, beside `struck` for its 503. */
  ok: 'var(--pw-diff-add-ink)',
  /** IPVS: kube-ipvs0 and the hook where IPVS acts. */
  ipvs: 'var(--pw-ipvs)',
  ipvsFill: 'var(--pw-ipvs-fill)',
  /** The packet's src/dst card. */
  card: 'var(--pw-card-fill)',
  /** Behind the drawing. */
  background: 'var(--pw-view-bg)',
} as const;

/** Helvetica metrics (Liberation Sans / Arial render them) so textWidth's estimates hold; CJK falls back to Noto. */
export const FONT = "Helvetica, Arial, 'Liberation Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

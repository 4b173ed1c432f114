/**
 * The cluster view's colours: greys for structure (the article's node grey),
 * one blue for whatever the current step touches, the article's red dot for
 * the packet, and the blue and green the article's pod-to-pod figure gives the
 * source and destination pods.
 */
export const PALETTE = {
  ink: '#1f2933',
  muted: '#616e7c',
  faint: '#9aa5b1',
  line: '#8a939c',
  nodeFill: '#f5f5f5',
  nodeStroke: '#8c8c8c',
  rootStroke: '#b8bec4',
  box: '#ffffff',
  boxStroke: '#6b7280',
  hookFill: '#fafbfc',
  network: '#eef2f6',
  active: '#1d5fbf',
  activeFill: '#e3eefb',
  runningFill: '#c5dbf5',
  packetFill: '#F8CECC',
  packetStroke: '#B85450',
  clientFill: '#DAE8FC',
  clientStroke: '#6C8EBF',
  endpointFill: '#D5E8D4',
  endpointStroke: '#82B366',
  struck: '#b42318',
  /** IPVS: kube-ipvs0 and the hook where IPVS acts. */
  ipvs: '#8a5a00',
  ipvsFill: '#fff8e6',
} as const;

/** Helvetica metrics (Liberation Sans / Arial render them) so textWidth's estimates hold; CJK falls back to Noto. */
export const FONT = "Helvetica, Arial, 'Liberation Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

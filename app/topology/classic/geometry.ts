/**
 * Where the article's figures put things, in the GIFs' own pixels (1012x702, y down).
 * Every number is from /work/shared/reference/seed-gifs.md; where its last section
 * ("Corrections measured against the PNG frames") differs, the correction wins.
 * Rectangles are 2 px stroke centrelines: pixels n and n+1 give a line at n+1.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A label: centred (`middle`) or left-aligned (`start`) at x, baseline y. */
export interface Label {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'middle' | 'start';
}

export const CANVAS = { w: 1012, h: 702 } as const;

/** draw.io's default palette as the GIFs use it (seed-gifs.md, "Palette"). */
export const COLORS = {
  ink: '#000000',
  paper: '#FFFFFF',
  nodeFill: '#F5F5F5',
  nodeStroke: '#666666',
  dotFill: '#F8CECC',
  dotStroke: '#B85450',
} as const;

/** The node: draw.io's rounded rect, arc 15 % of the short side (512 x 0.15 = 76.8). */
export const NODE = { x: 231, y: 189, w: 780, h: 512, r: 76.8 } as const;
export const NODE_LABEL: Label = { x: 622, y: 690, anchor: 'middle' };

export const ROOT_NETNS: Box = { x: 291, y: 189, w: 640, h: 268 };
export const ROOT_NETNS_LABEL: Label = { x: 296, y: 446, anchor: 'start' };

/**
 * The interfaces of the root netns and the pods, each with its label. The
 * interface labels sit 1 px left of their box's centre, and the pod netns
 * labels on baseline 632: a search of +-1.5 px against the PNG frames
 * (pixelmatch) found these better than the half-pixel x of seed-gifs.md's
 * corrections (veth1 at 718 cost 286 differing pixels, at 720 only 42).
 */
export const ROOT_ETH0 = { box: { x: 571, y: 189, w: 100, h: 48 }, label: { x: 620, y: 222, anchor: 'middle' } } as const;
export const CBR0 = { box: { x: 571, y: 347, w: 100, h: 50 }, label: { x: 620, y: 382, anchor: 'middle' } } as const;
export const VETH_LEFT = { box: { x: 471, y: 407, w: 100, h: 50 }, label: { x: 520, y: 442, anchor: 'middle' } } as const;
export const VETH_RIGHT = { box: { x: 671, y: 407, w: 100, h: 50 }, label: { x: 720, y: 442, anchor: 'middle' } } as const;

/** The client's netns on the left (under veth0), its neighbour's on the right. */
export const POD_LEFT = {
  netns: { x: 291, y: 513, w: 280, h: 130 },
  netnsLabel: { x: 296, y: 632, anchor: 'start' },
  eth0: { x: 471, y: 513, w: 100, h: 50 },
  eth0Label: { x: 520, y: 548, anchor: 'middle' },
} as const;
export const POD_RIGHT = {
  netns: { x: 671, y: 512, w: 310, h: 130 },
  netnsLabel: { x: 676, y: 632, anchor: 'start' },
  eth0: { x: 671, y: 512, w: 100, h: 50 },
  eth0Label: { x: 720, y: 546, anchor: 'middle' },
} as const;

/** mxGraph's cloud shape is drawn in this box; the export cuts nothing off it. */
export const CLOUD: Box = { x: 531, y: 1, w: 180, h: 140 };

/** The links present in every picture (seed-gifs.md, "Links"). */
export const STATIC_LINKS: readonly string[] = [
  'M631,133 V189', // cloud - root eth0
  'M571,373 H521 V407', // cbr0 - veth0, out of cbr0's left side and down
  'M671,373 H721 V407', // cbr0 - veth1
  'M521,457 V513', // veth0 - pod1 eth0
  'M721,457 V512', // veth1 - pod2 eth0
];
/** Pod-to-Service step 3 only: the bridge hands the packet to the default route. */
export const DIRECT_LINK = 'M621,237 V347';
/** With the iptables box, eth0 and cbr0 are linked through it (two short links). */
export const IPTABLES_LINKS: readonly string[] = ['M617,237 V249', 'M621,335 V347'];
/** draw.io rounded rect, arc 15 % of 86 = 12.9; the label sits low to leave room for the dot. */
export const IPTABLES = { box: { x: 531, y: 249, w: 170, h: 86 }, r: 12.9, label: { x: 617, y: 324, anchor: 'middle' } } as const;

/** The header card: a draw.io "note" cut by the canvas's left edge. */
export const CARD = {
  outline: 'M1,484 H101 L161,544 V684 H1 Z',
  fold: 'M101,484 V544 H161',
  textX: 6,
  /** Baselines are centred on 594 with a 28 px pitch: 580/608, or 566/594/622. */
  centre: 594,
  pitch: 28,
  strikeX: 2,
} as const;

/** The rewrite arrow: from iptables' left edge to the card's fold corner. */
export const ARROW_START: Point = { x: 531, y: 293 };

/** The packet dot: radius 10, its number right-aligned at (cx - 15, cy + 9). */
export const DOT = { r: 10, labelDx: -15, labelDy: 9 } as const;

/** The five places the dot stops at (corrected centres, on the links' x). */
export const PLACES = {
  /** the veth0 - pod1 eth0 link, just above the pod's eth0 */
  podLink: { x: 521, y: 485 },
  /** the elbow of the cbr0 - veth0 link, left of cbr0 */
  bridgeElbow: { x: 521, y: 373 },
  /** halfway up the direct cbr0 - eth0 link */
  bridgeUplink: { x: 621, y: 291 },
  /** the upper half of the iptables box */
  iptables: { x: 617, y: 283 },
  /** the cloud - eth0 link, between the node and the network */
  uplink: { x: 631, y: 159 },
} as const satisfies Record<string, Point>;
export type Place = keyof typeof PLACES;

export const FONT = { family: 'Helvetica, Arial, "Liberation Sans", sans-serif', size: 24 } as const;

import { arrowPaths } from './arrow';
import { Card } from './Card';
import { Dot } from './Dot';
import { COLORS, DIRECT_LINK, IPTABLES, IPTABLES_LINKS } from './geometry';
import type { ClassicPicture } from './picture';
import { Text } from './StaticLayer';

/**
 * What changes from picture to picture: the links through eth0, the iptables
 * box (labelled IPVS in IPVS mode, same place and size), the arrow, the card, the dot.
 */
export function StepLayer({ picture }: { picture: ClassicPicture }) {
  const arrow = picture.arrow ? arrowPaths(picture.figure) : null;
  return (
    <g data-id="classic-step">
      {picture.directLink ? <path data-id="classic-direct-link" d={DIRECT_LINK} fill="none" stroke={COLORS.ink} /> : null}
      {picture.iptables ? (
        <g data-id="classic-iptables">
          {IPTABLES_LINKS.map((d) => (
            <path key={d} d={d} fill="none" stroke={COLORS.ink} />
          ))}
          <rect
            x={IPTABLES.box.x}
            y={IPTABLES.box.y}
            width={IPTABLES.box.w}
            height={IPTABLES.box.h}
            rx={IPTABLES.r}
            fill={COLORS.paper}
            stroke={COLORS.ink}
          />
          <Text at={IPTABLES.label}>{picture.boxLabel}</Text>
        </g>
      ) : null}
      <Card lines={picture.card} figure={picture.figure} />
      {arrow ? (
        <g data-id="classic-arrow">
          <path d={arrow.line} fill="none" stroke={COLORS.ink} />
          <path d={arrow.head} fill={COLORS.ink} stroke={COLORS.ink} />
        </g>
      ) : null}
      <Dot at={picture.dot} n={picture.n} />
    </g>
  );
}

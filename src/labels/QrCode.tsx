// A QR code as an SVG: crisp at any print resolution, one <path> per code so a page of hundreds stays light.
import { qrPath } from './qrPath';

/** Blank modules around the code. The standard asks for 4; the label's own white margin adds to these 2. */
const QUIET_ZONE = 2;

interface Props {
  text: string;
  /** The accessible name (what a screen reader says instead of the pattern). */
  label: string;
  class?: string;
}

export function QrCode({ text, label, class: className }: Props) {
  const drawn = qrPath(text);
  if (!drawn) return <p class={`qr-error ${className ?? ''}`}>{label}: the address is too long for a QR code.</p>;
  const side = drawn.size + 2 * QUIET_ZONE;
  return (
    <svg class={className} viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}

// A QR code as an SVG path (lean-qr: a few KB, no dependencies; it loads with the labels page only). Crisp at
// any print resolution, and one <path> per code keeps a page of hundreds of labels light.
import { correction, generate } from 'lean-qr/nano';
import { toSvgPath } from 'lean-qr/extras/svg';
import { useMemo } from 'preact/hooks';

/** Blank modules around the code. The standard asks for 4; the label's own white margin adds to these 2. */
const QUIET_ZONE = 2;

interface Props {
  text: string;
  /** The accessible name (what a screen reader says instead of the pattern). */
  label: string;
  class?: string;
}

export function QrCode({ text, label, class: className }: Props) {
  // Medium error correction survives a scuffed or creased label; longer addresses just make a denser code.
  const drawn = useMemo(() => {
    try {
      const code = generate(text, { minCorrectionLevel: correction.M });
      return { size: code.size, path: toSvgPath(code) };
    } catch {
      return undefined;
    }
  }, [text]);
  if (!drawn) {
    return (
      <p class={`qr-error ${className ?? ''}`}>
        {label}: the address is too long for a QR code.
      </p>
    );
  }
  const side = drawn.size + 2 * QUIET_ZONE;
  return (
    <svg class={className} viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}

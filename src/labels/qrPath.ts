// A QR code's modules as one SVG path (lean-qr: a few KB, no dependencies; it loads with the labels page only).
// Making one takes about 1.3 ms, so codes are kept by text: changing the sheet or the skip redraws hundreds of
// labels without computing a code again.
import { correction, generate } from 'lean-qr/nano';
import { toSvgPath } from 'lean-qr/extras/svg';

export interface QrDrawing {
  /** Modules per side, without the quiet zone. */
  size: number;
  path: string;
}

const MAX_KEPT = 5000;
const kept = new Map<string, QrDrawing | undefined>();

/** The code of `text`, or undefined when it is too long for any QR code. */
export function qrPath(text: string): QrDrawing | undefined {
  if (kept.has(text)) return kept.get(text);
  let drawn: QrDrawing | undefined;
  try {
    // Medium error correction survives a scuffed or creased label; a longer address just makes a denser code.
    const code = generate(text, { minCorrectionLevel: correction.M });
    drawn = { size: code.size, path: toSvgPath(code) };
  } catch {
    drawn = undefined;
  }
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(text, drawn);
  return drawn;
}

/** Whether the code of `text` is ready without computing it. */
export const qrKept = (text: string): boolean => kept.has(text);

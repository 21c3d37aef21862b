// A video for Chromium's fake camera (--use-file-for-fake-video-capture), made from barcodes drawn here: grey
// YUV4MPEG2 frames (C420, neutral chroma) showing each code in turn. Chromium loops the file.
import { writeFile } from 'node:fs/promises';
import { generate } from 'lean-qr';

const W = 640;
const H = 480;

// EAN-13: the left half's digits in code L or G (the pattern chosen by the first digit), the right half in R.
const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const R = L.map((c) => [...c].map((b) => (b === '1' ? '0' : '1')).join(''));
const G = R.map((c) => [...c].reverse().join(''));
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** The 95 modules of an EAN-13 code ('1' = bar). */
export function ean13Modules(code) {
  if (!/^\d{13}$/.test(code)) throw new Error(`not an EAN-13: ${code}`);
  const d = [...code].map(Number);
  const left = d.slice(1, 7).map((n, i) => (PARITY[d[0]][i] === 'L' ? L : G)[n]).join('');
  const right = d.slice(7).map((n) => R[n]).join('');
  return `101${left}01010${right}101`;
}

/** A luma frame: white, with `dark(x, y)` pixels black. */
function frame(dark) {
  const y = new Uint8Array(W * H).fill(235);
  for (let py = 0; py < H; py++) for (let px = 0; px < W; px++) if (dark(px, py)) y[py * W + px] = 16;
  return y;
}

/** An EAN-13 code, 4 px a module, centred. */
export function eanFrame(code) {
  const m = ean13Modules(code);
  const scale = 4;
  const x0 = (W - m.length * scale) / 2;
  return frame((x, y) => y > 140 && y < 340 && x >= x0 && x < x0 + m.length * scale && m[Math.floor((x - x0) / scale)] === '1');
}

/** A QR code of `text`, as large as fits with its quiet zone, centred. */
export function qrFrame(text) {
  const qr = generate(text);
  const scale = Math.floor(400 / qr.size);
  const x0 = Math.floor((W - qr.size * scale) / 2);
  const y0 = Math.floor((H - qr.size * scale) / 2);
  return frame((x, y) => x >= x0 && y >= y0 && x < x0 + qr.size * scale && y < y0 + qr.size * scale && qr.get(Math.floor((x - x0) / scale), Math.floor((y - y0) / scale)));
}

/** Writes a .y4m at 10 frames a second showing each luma frame for `seconds`. */
export async function writeY4m(path, frames, seconds = 1) {
  const chroma = new Uint8Array((W / 2) * (H / 2) * 2).fill(128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420\n`)];
  for (const luma of frames) for (let i = 0; i < seconds * 10; i++) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  await writeFile(path, Buffer.concat(parts));
}

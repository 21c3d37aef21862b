// Renders Eventory's icon (a parcel inside a counter-clockwise "history" arrow) with headless Chromium and
// writes the PNGs, the favicon.ico and the favicon.svg that vite.config.ts and the manifest refer to.
// Run after changing the drawing: `node scripts/make-icons.mjs`; the outputs in public/ are committed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, ROOT } from '../test/e2e/harness.mjs';

const PUBLIC = join(ROOT, 'public');

/**
 * @param {{ rounded: boolean, scale: number }} o rounded: transparent corners ("any" icons, favicon);
 *   scale shrinks the drawing around the centre (maskable icons keep it inside the 80% safe circle).
 */
export function iconSvg({ rounded, scale }) {
  const r = 158; // radius of the history arrow
  const cx = 256;
  const cy = 262;
  const at = (deg, rad = r) => {
    const a = (deg * Math.PI) / 180;
    return [cx + rad * Math.cos(a), cy + rad * Math.sin(a)].map((v) => v.toFixed(1)).join(' ');
  };
  // The arc runs clockwise (SVG angles, y down) from 250deg round to 200deg, leaving a gap at the upper left;
  // the head sits at the arc's start and points counter-clockwise: back in time.
  const start = 250;
  const end = 200;
  const head = [at(start - 17), at(start + 3, r - 40), at(start + 3, r + 40)].join(' L ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b679c"/>
      <stop offset="1" stop-color="#163d63"/>
    </linearGradient>
  </defs>
  <rect width="512" height="512" ${rounded ? 'rx="112"' : ''} fill="url(#bg)"/>
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <path d="M ${at(start)} A ${r} ${r} 0 1 1 ${at(end)}" fill="none" stroke="#ffc857" stroke-width="30" stroke-linecap="round"/>
    <path d="M ${head} Z" fill="#ffc857" stroke="#ffc857" stroke-width="8" stroke-linejoin="round"/>
    <g transform="translate(256 262) scale(1.18) translate(-256 -262)">
    <g stroke="#163d63" stroke-width="6" stroke-linejoin="round">
      <path d="M 256 178 L 336 218 L 256 258 L 176 218 Z" fill="#fff7e6"/>
      <path d="M 176 218 L 256 258 L 256 346 L 176 306 Z" fill="#ecd9b4"/>
      <path d="M 256 258 L 336 218 L 336 306 L 256 346 Z" fill="#d2b483"/>
    </g>
    <path d="M 216 198 L 296 238 L 296 262" fill="none" stroke="#c9954b" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>
    </g>
  </g>
</svg>`;
}

/** An .ico holding PNG images (supported by every browser since IE Vista-era). */
function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

async function main() {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const render = async (size, opts) => {
      await page.setViewportSize({ width: size, height: size });
      const svg = iconSvg(opts).replace('width="512" height="512"', `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg}</body>`);
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };
    const any = { rounded: true, scale: 1 };
    const outputs = {
      'icons/icon-192.png': await render(192, any),
      'icons/icon-512.png': await render(512, any),
      'icons/maskable-512.png': await render(512, { rounded: false, scale: 0.82 }),
      'apple-touch-icon.png': await render(180, { rounded: false, scale: 0.9 }),
      'favicon.svg': iconSvg(any) + '\n',
    };
    const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await render(size, any) })));
    outputs['favicon.ico'] = ico(small);
    for (const [name, data] of Object.entries(outputs)) {
      await writeFile(join(PUBLIC, name), data);
      console.log(`wrote public/${name}`);
    }
  } finally {
    await browser.close();
  }
}

await main();

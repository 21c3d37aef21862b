// Reading barcodes from video frames: the browser's own BarcodeDetector where it has one (Chrome on Android,
// Safari 17+ on some formats), else the `barcode-detector` ponyfill, ZXing-C++ compiled to WebAssembly. The
// ponyfill and its .wasm are served by the app itself (never the CDN the library defaults to) and precached by
// the service worker, so a camera that worked once works offline; this module loads when the camera opens.
import type { BarcodeFormat } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** The formats of item codes and the app's own labels (QR). */
const FORMATS: BarcodeFormat[] = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'code_39', 'code_93', 'codabar', 'itf', 'qr_code', 'data_matrix', 'pdf417', 'aztec'];

export interface Reader {
  /** The texts of the codes in this frame (usually none or one). */
  read(source: HTMLVideoElement): Promise<string[]>;
}

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (opts: { formats: string[] }): DetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const reader = (d: DetectorLike): Reader => ({ read: async (v) => (await d.detect(v)).map((b) => b.rawValue) });

async function nativeReader(): Promise<Reader | undefined> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Native) return undefined;
  try {
    const formats = (await Native.getSupportedFormats()).filter((f): f is BarcodeFormat => (FORMATS as string[]).includes(f));
    // A native detector without EAN or QR (desktop Chrome on some systems) would miss the common codes.
    return formats.includes('qr_code') && formats.includes('ean_13') ? reader(new Native({ formats })) : undefined;
  } catch {
    return undefined;
  }
}

/** A reader of barcodes; loads the WebAssembly decoder first when the browser has none of its own. */
export async function makeReader(): Promise<Reader> {
  const native = await nativeReader();
  if (native) return native;
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  // Instantiated now, so that a decoder that cannot load (offline before it was cached) fails here, with a
  // message, rather than silently on every frame.
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  return reader(new BarcodeDetector({ formats: FORMATS }));
}

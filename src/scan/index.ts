// Scanning, loaded with the Scan page: the one door the UI comes through (src/ui may import only this file of
// src/scan). The camera's decoder loads later still, when the camera opens (openReader).
export { openCamera, stopCamera } from './camera';
export { lookUp, type Found } from './recognize';
export { startScanLoop } from './scanLoop';
export { addScan, adjust, emptySession, lineKey, parseSession, removeLine, resolveCodes, sessionCommand, type ScanSession, type SessionLine } from './session';
export type { Reader } from './detector';

/** The barcode reader (native, or the WebAssembly one, fetched on the first call). */
export const openReader = (): Promise<import('./detector').Reader> => import('./detector').then((m) => m.makeReader());

// The camera for scanning: the back camera when there is one, and a message a person can act on for each way
// opening it fails. Nothing is written whatever happens here.

export type CameraResult = { ok: true; stream: MediaStream } | { ok: false; message: string };

/** Opens the camera, preferring the one facing away from the user (a phone's back camera). */
export async function openCamera(): Promise<CameraResult> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { ok: false, message: window.isSecureContext ? 'This browser cannot use a camera. Type the code, or use a USB or Bluetooth scanner.' : 'The camera only works over a secure (https) connection. Type the code, or use a USB or Bluetooth scanner.' };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } });
    return { ok: true, stream };
  } catch (err) {
    return { ok: false, message: cameraProblem(err) };
  }
}

/** Words for a getUserMedia failure (its DOMException name says which). */
export function cameraProblem(err: unknown): string {
  const name = err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. Allow the camera for this site in the browser’s settings (the icon next to the address), then try again, or type the code.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect one, or type the code (a USB or Bluetooth scanner types it for you).';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another app or tab, or could not start. Close the other app, then try again.';
    default:
      return `The camera could not start${err instanceof Error && err.message ? ` (${err.message})` : ''}. Try again, or type the code.`;
  }
}

/** Stops every track, which turns the camera (and its light) off. */
export function stopCamera(stream: MediaStream | undefined): void {
  for (const t of stream?.getTracks() ?? []) t.stop();
}

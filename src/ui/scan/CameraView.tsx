// The live camera preview, read a few times a second. The camera and the barcode reader start together (the
// permission prompt and the decoder's download overlap); leaving the page or closing the view stops the stream,
// which turns the camera off. Every failure is said here, and nothing is written.
import { useEffect, useRef, useState } from 'preact/hooks';
import { openCamera, openReader, startScanLoop, stopCamera, type Reader } from '../../scan';

/** After this long with nothing read, say what to try. */
const HINT_AFTER_MS = 8000;

type Phase = 'starting' | 'loading' | 'scanning';

const PHASE_TEXT: Record<Phase, string> = {
  starting: 'Starting the camera…',
  loading: 'Loading the barcode reader…',
  scanning: 'Point the camera at a barcode or QR code.',
};

export function CameraView({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  const [phase, setPhase] = useState<Phase>('starting');
  const [problem, setProblem] = useState<string>();
  const [hint, setHint] = useState(false);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let live = true;
    let stream: MediaStream | undefined;
    let stopLoop: (() => void) | undefined;
    const fail = (message: string) => {
      if (!live) return;
      setProblem(message);
      stopLoop?.();
      stopCamera(stream);
    };
    const reader: Promise<Reader> = openReader();
    reader.catch(() => undefined); // told below, once the camera is known to work
    void (async () => {
      const cam = await openCamera();
      if (!live) return cam.ok && stopCamera(cam.stream);
      if (!cam.ok) return fail(cam.message);
      stream = cam.stream;
      const v = video.current!;
      v.srcObject = stream;
      await v.play().catch(() => undefined); // autoplay of a muted inline video is allowed; the loop waits for frames
      setPhase('loading');
      let r: Reader;
      try {
        r = await reader;
      } catch (err) {
        return fail(`The barcode reader could not load (${err instanceof Error ? err.message : String(err)}). It is saved for offline use after one visit online: connect and try again, or type the code.`);
      }
      if (!live) return;
      setPhase('scanning');
      stopLoop = startScanLoop(v, r, {
        onCode: (c) => {
          setReads((n) => n + 1);
          handler.current(c);
        },
        onError: (err) => fail(`Reading the camera failed (${err instanceof Error ? err.message : String(err)}). Close the camera and try again, or type the code.`),
      });
    })();
    return () => {
      live = false;
      stopLoop?.();
      stopCamera(stream);
    };
  }, []);

  // "Nothing read yet" after a while without a code; each read starts the wait again.
  useEffect(() => {
    if (phase !== 'scanning' || problem) return;
    setHint(false);
    const t = setTimeout(() => setHint(true), HINT_AFTER_MS);
    return () => clearTimeout(t);
  }, [phase, problem, reads]);

  return (
    <div class="scan-camera">
      {problem ? (
        <p class="banner banner-error" role="alert">
          {problem}
        </p>
      ) : (
        <>
          <div class="scan-video">
            <video ref={video} muted playsInline aria-label="Camera preview" />
            <span class="scan-aim" aria-hidden="true" />
          </div>
          <p class="muted" role="status">
            {hint ? 'Nothing read yet. Hold the code steady about a hand’s width away, flat, well lit and in the middle of the frame; or type the code.' : PHASE_TEXT[phase]}
          </p>
        </>
      )}
    </div>
  );
}

// The scan field: a USB or Bluetooth scanner types the code and presses Enter, as a person may. The camera, when
// open, fills the same handler. Focus stays in the field so the next scan can follow at once.
import { useRef, useState } from 'preact/hooks';
import { lazyComponent } from '../lazy';

const LazyCamera = lazyComponent(() => import('./CameraView').then((m) => m.CameraView), 'camera');

interface Props {
  /** A code (or label URL) was scanned or typed. */
  onScan: (text: string) => void;
  submitLabel: string;
}

export function ScanForm({ onScan, submitLabel }: Props) {
  const [value, setValue] = useState('');
  const [camera, setCamera] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    onScan(value);
    setValue('');
    input.current?.focus();
  };
  const closeCamera = () => {
    setCamera(false);
    input.current?.focus();
  };
  return (
    <div class="scan-form-wrap">
      <form class="scan-form" onSubmit={submit}>
        <label for="scan-input">Scan or type a code</label>
        <div class="scan-row">
          <input
            id="scan-input"
            ref={input}
            type="text"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            autoFocus
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            enterKeyHint="go"
            aria-describedby={camera ? undefined : 'scan-input-hint'}
          />
          <button type="submit" class="btn btn-primary">
            {submitLabel}
          </button>
          <button type="button" class="btn btn-secondary scan-camera-button" aria-expanded={camera} aria-controls="scan-camera" onClick={() => (camera ? closeCamera() : setCamera(true))}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d="M4 8h3l2-3h6l2 3h3v11H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
              <circle cx="12" cy="13" r="3.5" fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
            {camera ? 'Close camera' : 'Camera'}
          </button>
        </div>
        {!camera && (
          <p class="field-hint" id="scan-input-hint">
            A USB or Bluetooth scanner types here by itself; a code of the app’s own labels opens its page.
          </p>
        )}
      </form>
      <div id="scan-camera">{camera && <LazyCamera onCode={onScan} />}</div>
    </div>
  );
}

// How many labels of a run to draw now: a first batch at once, then the next batch after each paint, so a run
// of a thousand labels (about 1.3 ms of QR code each) never freezes the page. Codes already made are free.
import { useEffect, useState } from 'preact/hooks';
import { yieldToMain } from '../lib/yieldToMain';
import { qrKept } from './qrPath';

const BATCH = 40;

/** The labels whose code may be drawn; `texts` is a new array whenever the run changes. */
export function useDrawnCount(texts: readonly string[]): number {
  const ahead = (from: number) => {
    let n = from;
    while (n < texts.length && (n < from + BATCH || qrKept(texts[n]!))) n++;
    return n;
  };
  const [drawn, setDrawn] = useState(() => ahead(0));
  useEffect(() => {
    let live = true;
    let n = ahead(0);
    setDrawn(n);
    void (async () => {
      while (live && n < texts.length) {
        await yieldToMain();
        if (!live) return;
        n = ahead(n);
        setDrawn(n);
      }
    })();
    return () => {
      live = false;
    };
  }, [texts]);
  return Math.min(drawn, texts.length);
}

// How many labels of a run have their QR code ready to draw. Codes take about 1.3 ms each, so a run of a thousand
// is made in slices of SLICE_MS with a paint between them: the page stays responsive and fills in as it goes.
// Codes are kept (qrPath), so a run whose codes are all made (a new sheet or skip) is ready at once.
import { useEffect, useState } from 'preact/hooks';
import { yieldToMain } from '../lib/yieldToMain';
import { qrKept, qrPath } from './qrPath';

const SLICE_MS = 25;

/** How many of `texts`, from the start, have their code made already. */
function keptPrefix(texts: readonly string[]): number {
  let n = 0;
  while (n < texts.length && qrKept(texts[n]!)) n++;
  return n;
}

/** The labels whose code is ready; `texts` is a new array whenever the run changes. */
export function useDrawnCount(texts: readonly string[]): number {
  const [drawn, setDrawn] = useState<{ texts: readonly string[]; n: number }>(() => ({ texts, n: keptPrefix(texts) }));
  useEffect(() => {
    let live = true;
    void (async () => {
      let n = keptPrefix(texts);
      while (live) {
        const until = performance.now() + SLICE_MS;
        while (n < texts.length && performance.now() < until) qrPath(texts[n++]!);
        setDrawn({ texts, n });
        if (n >= texts.length) return;
        await yieldToMain();
      }
    })();
    return () => {
      live = false;
    };
  }, [texts]);
  return drawn.texts === texts ? drawn.n : keptPrefix(texts);
}

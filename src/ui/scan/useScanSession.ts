// The running list of a count or an addition, kept in sessionStorage as it changes: a phone may drop the tab
// (or the user reloads) mid-count, and the list must still be there. One list per mode.
import { useEffect, useState } from 'preact/hooks';
import type { ScanMode } from '../../domain/scanBatch';
import { emptySession, parseSession, type ScanSession } from '../../scan';

const keyOf = (mode: ScanMode) => `eventory.scan.${mode}`;

function load(mode: ScanMode): ScanSession {
  try {
    const s = parseSession(sessionStorage.getItem(keyOf(mode)));
    return s?.mode === mode ? s : emptySession(mode);
  } catch {
    return emptySession(mode); // storage disabled: the list lives as long as the page
  }
}

export function useScanSession(mode: ScanMode): [ScanSession, (next: ScanSession) => void] {
  const [session, setSession] = useState(() => load(mode));
  useEffect(() => {
    try {
      if (session.lines.length === 0 && session.location === '') sessionStorage.removeItem(keyOf(mode));
      else sessionStorage.setItem(keyOf(mode), JSON.stringify(session));
    } catch {
      // Full or disabled storage: the list still works until the tab closes.
    }
  }, [session, mode]);
  return [session, setSession];
}

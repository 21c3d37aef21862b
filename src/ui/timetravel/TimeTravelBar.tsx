// Whether the inventory shows the time-travel bar: while a past moment is shown (or the address names one that
// cannot be shown), or while opened from the inventory's "More" menu. The bar itself loads on first use
// (TimeTravelPanel): a cold start in the present does not need it.
import { inPast, pastError } from '../../state/timeTravel';
import { lazyComponent } from '../lazy';
import { momentError } from './moment';

const Panel = lazyComponent(() => import('./TimeTravelPanel').then((m) => m.TimeTravelPanel), 'time travel');

export const preloadTimeTravel = (): Promise<void> => Panel.preload();

/** `onClose` closes the bar when it shows the present. */
export function TimeTravelBar(props: { open: boolean; onClose: () => void }) {
  if (!inPast.value && !props.open && !momentError.value && !pastError.value) return null;
  return <Panel {...props} />;
}

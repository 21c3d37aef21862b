// A <select> of the item's locations that hold stock, with how much each has.
import { UNASSIGNED, type Item } from '../../domain/inventory';
import { locationName, qty, sortedLocations } from '../format';
import type { ControlProps } from './Field';

export function stockedLocations(item: Item): [string, number][] {
  return sortedLocations(item.stock).filter(([, n]) => n > 0);
}

interface Props extends ControlProps {
  item: Item;
  name: string;
  value: string;
  onInput: (e: Event) => void;
}

export function LocationSelect({ item, value, onInput, ...rest }: Props) {
  const options = stockedLocations(item);
  // Another tab may have emptied the chosen location while the form is open: keep it visible, with its 0.
  const gone = !options.some(([l]) => l === value);
  return (
    <select {...rest} value={value} onChange={onInput}>
      {gone && <option value={value}>{`${locationName(value)} (0)`}</option>}
      {options.map(([l, n]) => (
        <option key={l || UNASSIGNED} value={l}>
          {`${locationName(l)} (${qty(n)})`}
        </option>
      ))}
    </select>
  );
}

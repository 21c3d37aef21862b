// Chooses the currency amounts are shown in (a setting of this browser: src/ui/money.ts).
import { useMemo } from 'preact/hooks';
import { currency, setCurrency } from './money';

const COMMON = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'INR', 'CNY', 'BRL'];

function allCurrencies(): string[] {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return COMMON;
  }
}

export function CurrencySelect() {
  const options = useMemo(() => {
    const names = new Intl.DisplayNames(undefined, { type: 'currency' });
    const codes = [...new Set([currency.value, ...COMMON, ...allCurrencies()])];
    return codes.map((c) => ({ c, label: `${c} — ${names.of(c) ?? c}` }));
  }, []);
  return (
    <label class="currency-select">
      <span>Currency</span>
      <select value={currency.value} onChange={(e) => setCurrency(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.c} value={o.c}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

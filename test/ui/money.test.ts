import { describe, expect, it, vi } from 'vitest';
import { currency, currencyFor, money, setCurrency } from '../../src/ui/money';

describe('money', () => {
  it('guesses the currency from the region of the browser language', () => {
    expect(currencyFor('de-AT')).toBe('EUR');
    expect(currencyFor('en-GB')).toBe('GBP');
    expect(currencyFor('en-US')).toBe('USD');
    expect(currencyFor('ja')).toBe('JPY');
    expect(currencyFor('not a language')).toBe('USD');
  });
  it('writes amounts in the chosen currency the way the language writes money', () => {
    expect(money(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(money(2.49, 'EUR', 'de-DE')).toBe('2,49\u00a0€');
    expect(money(300, 'JPY', 'en-US')).toBe('¥300');
  });
  it('keeps the chosen currency', () => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => kept.set(k, v) });
    setCurrency('CHF');
    expect(currency.value).toBe('CHF');
    expect(localStorage.getItem('eventory.currency')).toBe('CHF');
    vi.unstubAllGlobals();
  });
});

// Money as the user reads it: amounts in the currency they chose, written the way their browser's language
// writes money (Intl.NumberFormat). The currency is a setting of this browser (localStorage), not of the log:
// events record plain unit costs, so two devices may read the same log in different currencies' formatting.
import { signal } from '@preact/signals';

const KEY = 'eventory.currency';

// The currency of the region in the browser's language, for a first guess ("de-AT" -> EUR, "en-GB" -> GBP).
const EURO = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK';
const BY_REGION: Record<string, string> = {
  US: 'USD', GB: 'GBP', CH: 'CHF', JP: 'JPY', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN',
  CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'BGN', IS: 'ISK', IN: 'INR', CN: 'CNY', BR: 'BRL', MX: 'MXN', ZA: 'ZAR', KR: 'KRW',
  SG: 'SGD', HK: 'HKD', TR: 'TRY', IL: 'ILS', UA: 'UAH', AR: 'ARS', CL: 'CLP', CO: 'COP',
};

/** The currency a browser in `language` most likely uses; USD when its region is unknown. */
export function currencyFor(language: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language).maximize().region;
  } catch {
    region = undefined;
  }
  if (!region) return 'USD';
  return EURO.includes(region) ? 'EUR' : (BY_REGION[region] ?? 'USD');
}

function stored(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined; // storage blocked: the guess stands
  }
}

/** The chosen currency (ISO 4217 code). */
export const currency = signal<string>(stored() ?? currencyFor(typeof navigator === 'undefined' ? 'en-US' : navigator.language));

/** Chooses the currency for this browser. */
export function setCurrency(code: string): void {
  currency.value = code;
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Kept for this visit only.
  }
}

const formats = new Map<string, Intl.NumberFormat>();

/** "€2.49", "$1,234.50", "¥300": an amount in `code` (default: the chosen currency), in the browser's language. */
export function money(n: number, code = currency.value, locale?: string): string {
  const key = `${locale ?? ''}|${code}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: code })));
  return f.format(n);
}

// SHA-256 through Web Crypto (browsers, Node 20): ids derived from content must be the same on every device.

const encoder = new TextEncoder();

/** Web Crypto exists only in secure contexts (https, localhost), as do service workers and so this app. */
export const canHash = (): boolean => typeof crypto !== 'undefined' && crypto.subtle !== undefined;

/** The hash of `data`: a text (as UTF-8) or its bytes already encoded. */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data);
  let out = '';
  for (const b of new Uint8Array(digest)) out += b.toString(16).padStart(2, '0');
  return out;
}

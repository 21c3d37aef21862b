import { describe, expect, it } from 'vitest';
import { appRoot, labelUrl } from '../../src/labels/urls';

describe('labelUrl', () => {
  it('is the item page’s absolute address, the id encoded as the router reads it', () => {
    expect(labelUrl(appRoot('https://home.example', '/'), { kind: 'item', id: 'flour' })).toBe('https://home.example/item/flour');
    expect(labelUrl(appRoot('https://home.example', '/'), { kind: 'item', id: 'a/b c?#é' })).toBe('https://home.example/item/a%2Fb%20c%3F%23%C3%A9');
  });
  it('is the location page’s address for a location label', () => {
    expect(labelUrl(appRoot('http://127.0.0.1:4173', '/'), { kind: 'location', name: 'Shelf 1' })).toBe('http://127.0.0.1:4173/locations/Shelf%201');
  });
  it('keeps the app’s sub-path (Vite BASE_URL, with or without its slashes)', () => {
    for (const base of ['/inv/', '/inv', 'inv/']) expect(labelUrl(appRoot('https://host.example', base), { kind: 'item', id: 'x' })).toBe('https://host.example/inv/item/x');
  });
  it('decodes back to the id with the router’s decodeURIComponent', () => {
    const id = 'odd, id/with?everything#%';
    const url = new URL(labelUrl(appRoot('https://h.example', '/'), { kind: 'item', id }));
    expect(decodeURIComponent(url.pathname.slice('/item/'.length))).toBe(id);
  });
});

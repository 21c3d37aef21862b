import { describe, expect, it } from 'vitest';
import { amount, amountOfItem, pluralOf, singularOf, unitFor } from '../../src/ui/units';

describe('units in the right number', () => {
  it('writes "pack" for one and "packs" for several, whichever form the unit was entered in', () => {
    expect(amount(1, 'pack')).toBe('1 pack');
    expect(amount(5, 'pack')).toBe('5 packs');
    expect(amount(1, 'packs')).toBe('1 pack');
    expect(amount(5, 'packs')).toBe('5 packs');
  });

  it('knows abbreviations: 1 pc, 3 pcs, 1 lb, 2 lbs', () => {
    expect(amount(1, 'pcs')).toBe('1 pc');
    expect(amount(3, 'pc')).toBe('3 pcs');
    expect(amount(1, 'lbs')).toBe('1 lb');
    expect(amount(2, 'lb')).toBe('2 lbs');
  });

  it('leaves symbols as they are', () => {
    expect(amount(1, 'kg')).toBe('1 kg');
    expect(amount(2.5, 'kg')).toBe('2.5 kg');
    expect(amount(3, 'ml')).toBe('3 ml');
  });

  it('uses the plural for decimals and zero (English rules)', () => {
    expect(unitFor(1.5, 'box')).toBe('boxes');
    expect(unitFor(0, 'bottle')).toBe('bottles');
  });

  it('follows English spelling: boxes, batteries, glasses', () => {
    expect(pluralOf('box')).toBe('boxes');
    expect(pluralOf('battery')).toBe('batteries');
    expect(singularOf('batteries')).toBe('battery');
    expect(pluralOf('glass')).toBe('glasses');
    expect(singularOf('glasses')).toBe('glass');
    expect(singularOf('glass')).toBe('glass');
  });

  it('names the item after the amount, or uses × without a unit', () => {
    expect(amountOfItem(5, { name: 'Rice', unit: 'pack' })).toBe('5 packs of Rice');
    expect(amountOfItem(1, { name: 'Sword' })).toBe('1 × Sword');
  });
});

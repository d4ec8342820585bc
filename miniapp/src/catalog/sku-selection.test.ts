import type { Sku } from '@linli/shared/schemas/catalog';
import { initialSelection, selectedSku, selectionForJoining, valueAvailable } from './sku-selection';

const sku = (id: string, specs: Record<string, string>, stock: number): Sku => ({ id, specs, price: 1000, listPrice: 1200, stock });
const skus = [sku('red-m', { 颜色: '红', 尺码: 'M' }, 3), sku('red-l', { 颜色: '红', 尺码: 'L' }, 0), sku('blue-m', { 颜色: '蓝', 尺码: 'M' }, 1)];
const specNames = ['颜色', '尺码'];

describe('SKU picker', () => {
  it('names a SKU only once every spec has a value', () => {
    expect(selectedSku(skus, specNames, { 颜色: '红' })).toBeNull();
    expect(selectedSku(skus, specNames, { 颜色: '红', 尺码: 'M' })?.id).toBe('red-m');
  });

  it('greys out a value whose every combination with the current choices is sold out', () => {
    expect(valueAvailable(skus, { 颜色: '红' }, '尺码', 'L')).toBe(false);
    expect(valueAvailable(skus, { 颜色: '红' }, '尺码', 'M')).toBe(true);
  });

  it('lets a shopper switch a value that has stock with another choice', () => {
    expect(valueAvailable(skus, { 颜色: '红', 尺码: 'M' }, '颜色', '蓝')).toBe(true);
    expect(valueAvailable(skus, { 尺码: 'L' }, '颜色', '蓝')).toBe(false);
  });

  it('preselects the only SKU of a product without choices', () => {
    expect(initialSelection([sku('one', {}, 5)])).toEqual({});
    expect(selectedSku([sku('one', {}, 5)], [], initialSelection([sku('one', {}, 5)]))?.id).toBe('one');
    expect(initialSelection(skus)).toEqual({});
  });

  it('preselects the first group-buy SKU in stock for a friend who came to join a group', () => {
    expect(selectionForJoining(skus, ['red-l', 'blue-m'])).toEqual({ 颜色: '蓝', 尺码: 'M' });
    expect(selectionForJoining(skus, ['red-l'])).toEqual({});
  });
});

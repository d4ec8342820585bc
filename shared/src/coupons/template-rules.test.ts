import type { CreateCouponTemplateBody } from '../schemas/coupons';
import { templateProblems } from './template-rules';

const base = { title: '满100减20', validDays: 7 } as const;
const paths = (body: CreateCouponTemplateBody) => templateProblems(body).map((p) => p.path);

describe('the amount of each kind', () => {
  it('accepts 满减 with a threshold of 0 (无门槛)', () => {
    expect(templateProblems({ ...base, kind: 'amount_off', threshold: 0, amountOff: 500 })).toEqual([]);
  });

  it('needs an amount above 0 for 满减', () => {
    expect(paths({ ...base, kind: 'amount_off', threshold: 10000 })).toEqual(['/body/amountOff']);
    expect(paths({ ...base, kind: 'amount_off', amountOff: 0 })).toEqual(['/body/amountOff']);
  });

  it('needs a discount of 1–99 percent off, the cap optional', () => {
    expect(paths({ ...base, kind: 'percent_off', percentOff: 20, cap: 3000 })).toEqual([]);
    expect(paths({ ...base, kind: 'percent_off', percentOff: 20 })).toEqual([]);
    expect(paths({ ...base, kind: 'percent_off', percentOff: 100 })).toEqual(['/body/percentOff']);
    expect(paths({ ...base, kind: 'percent_off' })).toEqual(['/body/percentOff']);
  });

  it('refuses amounts that belong to another kind', () => {
    expect(paths({ ...base, kind: 'amount_off', amountOff: 500, cap: 100 })).toEqual(['/body/cap']);
    expect(paths({ ...base, kind: 'free_shipping', percentOff: 10 })).toEqual(['/body/percentOff']);
  });
});

describe('validity', () => {
  const window = { validFrom: '2025-06-01T00:00:00.000Z', validUntil: '2025-06-30T16:00:00.000Z' };

  it('accepts a fixed window or days after the claim', () => {
    expect(paths({ title: 'x', kind: 'free_shipping', ...window })).toEqual([]);
    expect(paths({ title: 'x', kind: 'free_shipping', validDays: 30 })).toEqual([]);
  });

  it('refuses both, neither, half a window, or a window that runs backwards', () => {
    expect(paths({ title: 'x', kind: 'free_shipping', ...window, validDays: 7 })).toEqual(['/body/validDays']);
    expect(paths({ title: 'x', kind: 'free_shipping' })).toEqual(['/body/validDays']);
    expect(paths({ title: 'x', kind: 'free_shipping', validFrom: window.validFrom })).toEqual(['/body/validUntil']);
    expect(paths({ title: 'x', kind: 'free_shipping', validFrom: window.validUntil, validUntil: window.validFrom })).toEqual(['/body/validUntil']);
  });
});

describe('scope', () => {
  const category = '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31';

  it('needs what a narrowed scope covers, and nothing for 全场', () => {
    expect(paths({ ...base, kind: 'free_shipping', scopeKind: 'categories', scopeIds: [category] })).toEqual([]);
    expect(paths({ ...base, kind: 'free_shipping', scopeKind: 'products', scopeIds: [] })).toEqual(['/body/scopeIds']);
    expect(paths({ ...base, kind: 'free_shipping', scopeKind: 'all', scopeIds: [category] })).toEqual(['/body/scopeIds']);
  });
});

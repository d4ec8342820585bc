import type { CouponTemplate } from '@linli/shared/schemas/coupons';
import { ApiError } from '../api/api-error';
import { checkTemplate, checkTemplateEdit, editInputOf, fieldOfPath, percentOffOfDiscount, placeTemplateError, type TemplateInput } from './template-form';

const category = '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31';

function input(overrides: Partial<TemplateInput> = {}): TemplateInput {
  return {
    title: ' 满100减20 ',
    kind: 'amount_off',
    threshold: '100',
    amountOff: '20',
    discount: '',
    cap: '',
    scopeKind: 'all',
    categoryIds: [],
    productIds: [],
    stacksWithGroupPrice: false,
    validity: 'days',
    validDays: 7,
    window: null,
    totalStock: 500,
    perUserLimit: 1,
    claimable: true,
    newUserGift: false,
    referralReward: false,
    ...overrides,
  };
}

const fieldsOf = (i: TemplateInput) => {
  const checked = checkTemplate(i);
  return checked.ok ? [] : checked.problems.map((p) => p.field);
};

describe('checkTemplate', () => {
  it('builds a 满减 body in fen with only its own amounts', () => {
    expect(checkTemplate(input())).toEqual({
      ok: true,
      body: {
        title: '满100减20',
        kind: 'amount_off',
        threshold: 10000,
        amountOff: 2000,
        scopeKind: 'all',
        scopeIds: [],
        stacksWithGroupPrice: false,
        validDays: 7,
        totalStock: 500,
        perUserLimit: 1,
        claimable: true,
        newUserGift: false,
        referralReward: false,
      },
    });
  });

  it('takes a blank or 0 threshold as 无门槛', () => {
    const blank = checkTemplate(input({ threshold: '' }));
    const zero = checkTemplate(input({ threshold: '0' }));
    expect(blank.ok && blank.body.threshold).toBe(0);
    expect(zero.ok && zero.body.threshold).toBe(0);
  });

  it('refuses a 满减 of 0 with the BFF’s own message, next to the amount', () => {
    expect(checkTemplate(input({ amountOff: '0' }))).toEqual({ ok: false, problems: [{ field: 'amountOff', text: '满减券的减免金额必须大于 0' }] });
    expect(fieldsOf(input({ amountOff: '' }))).toEqual(['amountOff']);
  });

  it('refuses amounts that are not 元 with two decimals', () => {
    expect(fieldsOf(input({ threshold: '1e3' }))).toEqual(['threshold']);
    expect(fieldsOf(input({ amountOff: '20.005' }))).toEqual(['amountOff']);
  });

  it('builds a 折扣 body from 折 with its cap, without a 满减 amount', () => {
    const checked = checkTemplate(input({ kind: 'percent_off', threshold: '', amountOff: '20', discount: '8', cap: '30' }));
    expect(checked.ok && checked.body).toMatchObject({ kind: 'percent_off', threshold: 0, percentOff: 20, cap: 3000 });
    expect(checked.ok && checked.body).not.toHaveProperty('amountOff');
  });

  it('asks for a 折 between 0.1 and 9.9', () => {
    expect(fieldsOf(input({ kind: 'percent_off', discount: '10' }))).toEqual(['discount']);
    expect(fieldsOf(input({ kind: 'percent_off', discount: '' }))).toEqual(['discount']);
  });

  it('builds a 包邮 body with a threshold only', () => {
    const checked = checkTemplate(input({ kind: 'free_shipping', threshold: '59', amountOff: '20' }));
    expect(checked.ok && checked.body).toMatchObject({ kind: 'free_shipping', threshold: 5900 });
    expect(checked.ok && checked.body).not.toHaveProperty('amountOff');
  });

  it('sends the ids of the scope picked, and asks for some when the scope is narrowed', () => {
    const checked = checkTemplate(input({ scopeKind: 'categories', categoryIds: [category], productIds: ['x'] }));
    expect(checked.ok && checked.body.scopeIds).toEqual([category]);
    expect(fieldsOf(input({ scopeKind: 'products' }))).toEqual(['productIds']);
  });

  it('sends a fixed window in UTC, and asks for one when none is picked', () => {
    const checked = checkTemplate(input({ validity: 'window', window: ['2025-06-01 00:00', '2025-07-01 00:00'] }));
    expect(checked.ok && checked.body).toMatchObject({ validFrom: '2025-05-31T16:00:00.000Z', validUntil: '2025-06-30T16:00:00.000Z' });
    expect(checked.ok && checked.body).not.toHaveProperty('validDays');
    expect(fieldsOf(input({ validity: 'window', window: null }))).toEqual(['validDays']);
    expect(fieldsOf(input({ validity: 'days', validDays: null }))).toEqual(['validDays']);
  });

  it('leaves the stock out when unlimited and checks the limits', () => {
    const checked = checkTemplate(input({ totalStock: null }));
    expect(checked.ok && checked.body).not.toHaveProperty('totalStock');
    expect(fieldsOf(input({ totalStock: 0, perUserLimit: 0 }))).toEqual(['totalStock', 'perUserLimit']);
  });
});

it('reads 折 as percent off in tenths', () => {
  expect(percentOffOfDiscount('8')).toBe(20);
  expect(percentOffOfDiscount('8.5折')).toBe(15);
  expect(percentOffOfDiscount('0.1')).toBe(99);
  expect(percentOffOfDiscount('0')).toBeNull();
  expect(percentOffOfDiscount('8.55')).toBeNull();
});

it('maps the BFF’s paths to the form’s fields', () => {
  expect(fieldOfPath('/body/percentOff', 'all')).toBe('discount');
  expect(fieldOfPath('/body/validUntil', 'all')).toBe('window');
  expect(fieldOfPath('/body/scopeIds', 'products')).toBe('productIds');
  expect(fieldOfPath('body/totalStock', 'all')).toBe('totalStock');
  expect(fieldOfPath('body', 'all')).toBeNull();
});

it('places a refused create next to its fields and the message above', () => {
  const error = new ApiError(400, 'INVALID_COUPON_TEMPLATE', '优惠券设置不合法', [{ path: '/body/amountOff', message: '满减券的减免金额必须大于 0' }]);
  expect(placeTemplateError(error, 'all')).toEqual({ problems: [{ field: 'amountOff', text: '满减券的减免金额必须大于 0' }], above: '优惠券设置不合法（INVALID_COUPON_TEMPLATE）' });
});

describe('checkTemplateEdit', () => {
  const template = { title: '满99减10', active: true, claimable: true, totalStock: 1000, issuedCount: 128 } as CouponTemplate;

  it('sends only what changed', () => {
    expect(checkTemplateEdit({ ...editInputOf(template), active: false }, template)).toEqual({ ok: true, body: { active: false } });
    expect(checkTemplateEdit({ ...editInputOf(template), totalStock: 2000 }, template)).toEqual({ ok: true, body: { totalStock: 2000 } });
    expect(checkTemplateEdit({ ...editInputOf(template), unlimited: true }, template)).toEqual({ ok: true, body: { totalStock: null } });
  });

  it('refuses less stock, a limit on an unlimited coupon, and no change at all', () => {
    const less = checkTemplateEdit({ ...editInputOf(template), totalStock: 999 }, template);
    expect(!less.ok && less.problems).toEqual([{ field: 'totalStock', text: '库存只能增加，不能少于当前的 1000' }]);
    const unlimited = { ...template, totalStock: null };
    expect(checkTemplateEdit({ ...editInputOf(unlimited), unlimited: false, totalStock: 5000 }, unlimited).ok).toBe(false);
    expect(checkTemplateEdit(editInputOf(template), template).ok).toBe(false);
  });
});

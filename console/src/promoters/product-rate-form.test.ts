import { rateToInput, validateProductRate } from './product-rate-form';

describe("a product's own commission rates", () => {
  it('starts from rates in percent', () => {
    expect(rateToInput({ level1Bp: 1500, level2Bp: 250 })).toEqual({ level1Bp: '15', level2Bp: '2.5' });
  });

  it('sends basis points for what was typed', () => {
    expect(validateProductRate({ level1Bp: '15', level2Bp: '2.5' })).toEqual({ ok: true, body: { level1Bp: 1500, level2Bp: 250 } });
  });

  it('refuses a rate over 50% or a malformed one, next to its field', () => {
    expect(validateProductRate({ level1Bp: '60', level2Bp: '' })).toEqual({
      ok: false,
      errors: { level1Bp: '单级佣金比例不能超过 50%', level2Bp: '请填写佣金比例' },
    });
  });
});

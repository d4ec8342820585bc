import { ShippingAddress } from '@linli/shared/schemas/order';
import { addressFields, addressLine, addressRules, draftFromChosen, validateAddress, type AddressDraft } from './address-form';

const valid: AddressDraft = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' };

describe('the address form rules', () => {
  it.each(addressFields)('are the ShippingAddress schema limits for %s', (field) => {
    const schema = ShippingAddress.properties[field] as { minLength?: number; maxLength?: number; pattern?: string };
    const rule = addressRules[field];
    expect({ minLength: rule.minLength, maxLength: rule.maxLength, pattern: rule.pattern?.source }).toEqual({
      minLength: schema.minLength ?? 0,
      maxLength: schema.maxLength ?? Number.POSITIVE_INFINITY,
      pattern: schema.pattern,
    });
  });

  it('accepts a complete address and trims stray spaces', () => {
    expect(validateAddress({ ...valid, name: ' 张三 ', detail: '科技园 1 号  ' })).toEqual({ ok: true, address: valid });
  });

  it('accepts an empty district, which the schema allows', () => {
    expect(validateAddress({ ...valid, district: '' })).toMatchObject({ ok: true });
  });

  it('asks for every missing required field by name', () => {
    const result = validateAddress({ name: ' ', phone: '', province: '', city: '', district: '', detail: '' });
    expect(result).toEqual({
      ok: false,
      errors: { name: '请填写收货人', phone: '请填写手机号码', province: '请填写省份', city: '请填写城市', detail: '请填写详细地址' },
    });
  });

  it('refuses a phone number the BFF would refuse', () => {
    expect(validateAddress({ ...valid, phone: '1380' })).toEqual({ ok: false, errors: { phone: '手机号码格式不正确' } });
    expect(validateAddress({ ...valid, phone: '138-0013-8000x' })).toEqual({ ok: false, errors: { phone: '手机号码格式不正确' } });
    expect(validateAddress({ ...valid, phone: '+86 138 0013 8000' })).toMatchObject({ ok: true });
  });

  it('refuses text longer than the schema allows, and accepts it at the limit', () => {
    expect(validateAddress({ ...valid, detail: '号'.repeat(121) })).toEqual({ ok: false, errors: { detail: '详细地址不能超过120个字' } });
    expect(validateAddress({ ...valid, detail: '号'.repeat(120) })).toMatchObject({ ok: true });
    expect(validateAddress({ ...valid, name: '名'.repeat(31) })).toEqual({ ok: false, errors: { name: '收货人不能超过30个字' } });
  });
});

describe('an address from wx.chooseAddress', () => {
  it('maps the WeChat fields to ours', () => {
    const draft = draftFromChosen({ userName: '李四', telNumber: '020-81167888', provinceName: '广东省', cityName: '广州市', countyName: '海珠区', detailInfo: '新港中路397号' });
    expect(validateAddress(draft)).toEqual({
      ok: true,
      address: { name: '李四', phone: '020-81167888', province: '广东省', city: '广州市', district: '海珠区', detail: '新港中路397号' },
    });
  });
});

describe('addressLine', () => {
  it('joins the parts, without repeating a municipality', () => {
    expect(addressLine(valid)).toBe('广东省深圳市南山区科技园 1 号');
    expect(addressLine({ ...valid, province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路 1 号' })).toBe('北京市朝阳区建国路 1 号');
  });
});

import type { ShippingAddress } from '@linli/shared/schemas/order';

export type AddressField = keyof ShippingAddress;
export type AddressDraft = Record<AddressField, string>;
export type AddressErrors = Partial<Record<AddressField, string>>;

/** The form's fields in the order a shopper fills them in. */
export const addressFields: readonly AddressField[] = ['name', 'phone', 'province', 'city', 'district', 'detail'];

export const addressLabels: Record<AddressField, string> = {
  name: '收货人',
  phone: '手机号码',
  province: '省份',
  city: '城市',
  district: '区县',
  detail: '详细地址',
};

interface FieldRule {
  minLength: number;
  maxLength: number;
  pattern?: RegExp;
}

/**
 * The ShippingAddress schema's limits, written out so the mini-program does not bundle the schema
 * library; address-form.test.ts fails if they drift from the schema.
 */
export const addressRules: Record<AddressField, FieldRule> = {
  name: { minLength: 1, maxLength: 30 },
  phone: { minLength: 0, maxLength: Number.POSITIVE_INFINITY, pattern: /^[0-9+\- ]{5,20}$/ },
  province: { minLength: 1, maxLength: 20 },
  city: { minLength: 1, maxLength: 20 },
  district: { minLength: 0, maxLength: 20 },
  detail: { minLength: 1, maxLength: 120 },
};

export const emptyAddressDraft: AddressDraft = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

function fieldError(field: AddressField, value: string): string | null {
  const rule = addressRules[field];
  const label = addressLabels[field];
  if (value.length < rule.minLength || (value === '' && rule.pattern && !rule.pattern.test(value))) return `请填写${label}`;
  if (value.length > rule.maxLength) return `${label}不能超过${rule.maxLength}个字`;
  if (rule.pattern && !rule.pattern.test(value)) return `${label}格式不正确`;
  return null;
}

/**
 * Checks a draft with the rules the BFF applies to ShippingAddress, after trimming the spaces a
 * shopper types by accident (the schema would accept a name of one space; nobody means that).
 */
export function validateAddress(draft: AddressDraft): { ok: true; address: ShippingAddress } | { ok: false; errors: AddressErrors } {
  const address: ShippingAddress = { ...emptyAddressDraft };
  const errors: AddressErrors = {};
  for (const field of addressFields) {
    const value = draft[field].trim();
    address[field] = value;
    const error = fieldError(field, value);
    if (error !== null) errors[field] = error;
  }
  return Object.keys(errors).length === 0 ? { ok: true, address } : { ok: false, errors };
}

/** The fields of wx.chooseAddress's answer that make a shipping address. */
export interface ChosenAddress {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
}

export function draftFromChosen(chosen: ChosenAddress): AddressDraft {
  return {
    name: chosen.userName,
    phone: chosen.telNumber,
    province: chosen.provinceName,
    city: chosen.cityName,
    district: chosen.countyName,
    detail: chosen.detailInfo,
  };
}

/** One line for the address card: 广东省深圳市南山区科技园 1 号 (a municipality's city repeats its province and is dropped). */
export function addressLine(address: ShippingAddress): string {
  const city = address.city === address.province ? '' : address.city;
  return `${address.province}${city}${address.district}${address.detail}`;
}

import { validateShip } from './ship-form';

describe('validateShip', () => {
  it('trims the carrier and strips spaces from a pasted tracking no.', () => {
    expect(validateShip({ carrier: ' 顺丰速运 ', trackingNo: 'SF 1234 5678' })).toEqual({ ok: true, body: { carrier: '顺丰速运', trackingNo: 'SF12345678' } });
  });

  it('asks for both fields when blank', () => {
    expect(validateShip({ carrier: ' ', trackingNo: '' })).toEqual({ ok: false, errors: { carrier: '请填写快递公司', trackingNo: '请填写运单号' } });
  });

  it('refuses tracking numbers the BFF would refuse', () => {
    const tooShort = validateShip({ carrier: 'EMS', trackingNo: 'A1' });
    const badChars = validateShip({ carrier: 'EMS', trackingNo: 'SF_123456' });
    const tooLong = validateShip({ carrier: 'EMS', trackingNo: '1'.repeat(41) });
    for (const result of [tooShort, badChars, tooLong]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.errors)).toEqual(['trackingNo']);
    }
  });

  it('refuses a carrier longer than 30 characters', () => {
    const result = validateShip({ carrier: '快'.repeat(31), trackingNo: 'SF123456' });
    expect(result.ok).toBe(false);
  });
});

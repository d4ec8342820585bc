import { maskPhone } from '../../src/modules/users/phone-mask';

describe('maskPhone', () => {
  it('shows the first three and last four digits of a mainland mobile number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('keeps the country prefix of an international number and hides the middle', () => {
    expect(maskPhone('+447911123456')).toBe('+44****3456');
  });

  it('hides all but two digits of a very short number', () => {
    expect(maskPhone('12345')).toBe('****45');
  });
});

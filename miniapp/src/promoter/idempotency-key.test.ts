import { newIdempotencyKey } from './idempotency-key';

it('makes a key the BFF accepts, different each time', () => {
  const a = newIdempotencyKey();
  const b = newIdempotencyKey();
  expect(a).toMatch(/^[A-Za-z0-9_\-:.]{8,64}$/);
  expect(a).not.toBe(b);
  expect(newIdempotencyKey(0, () => 0)).toBe('w-0-000000000000');
});

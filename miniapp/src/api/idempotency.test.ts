import { IdempotencyHeaders } from '@linli/shared/schemas/order';
import { ApiError, NETWORK_ERROR } from './api-error';
import { newIdempotencyKey, sendWithKey } from './idempotency';

const noWait = { delayMs: 1000, sleep: () => Promise.resolve() };
const offline = () => new ApiError(0, NETWORK_ERROR, '网络不给力，请检查网络后重试');

describe('newIdempotencyKey', () => {
  it('fits the header the BFF accepts', () => {
    const rule = IdempotencyHeaders.properties['idempotency-key'];
    for (const random of [() => 0, () => 0.999999, Math.random]) {
      const key = newIdempotencyKey('co', Date.parse('2026-11-22T23:00:00Z'), random);
      expect(key).toMatch(new RegExp(rule.pattern ?? ''));
      expect(key.length).toBeGreaterThanOrEqual(rule.minLength ?? 0);
      expect(key.length).toBeLessThanOrEqual(rule.maxLength ?? Infinity);
    }
  });

  it('differs between two attempts in the same millisecond', () => {
    expect(newIdempotencyKey('co', 1)).not.toBe(newIdempotencyKey('co', 1));
  });
});

describe('sendWithKey', () => {
  it('repeats a request that got no answer with the same key, so at most one order is placed', async () => {
    const keys: string[] = [];
    const send = async (key: string) => {
      keys.push(key);
      if (keys.length < 3) throw offline();
      return 'order-1';
    };
    await expect(sendWithKey('co-key-1', send, { retries: 2, ...noWait })).resolves.toBe('order-1');
    expect(keys).toEqual(['co-key-1', 'co-key-1', 'co-key-1']);
  });

  it('waits for a first try that is still being placed', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      if (calls === 1) throw new ApiError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求正在处理中');
      return 'order-1';
    };
    await expect(sendWithKey('co-key-1', send, { retries: 1, ...noWait })).resolves.toBe('order-1');
  });

  it('does not repeat a business refusal such as no stock', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw new ApiError(409, 'INSUFFICIENT_STOCK', '库存不足');
    };
    await expect(sendWithKey('co-key-1', send, { retries: 3, ...noWait })).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(calls).toBe(1);
  });

  it('gives up with the network error once the retries are used up, backing off between tries', async () => {
    const waits: number[] = [];
    const send = async () => {
      throw offline();
    };
    const sleep = async (ms: number) => void waits.push(ms);
    await expect(sendWithKey('co-key-1', send, { retries: 2, delayMs: 500, sleep })).rejects.toMatchObject({ code: NETWORK_ERROR });
    expect(waits).toEqual([500, 1000]);
  });
});

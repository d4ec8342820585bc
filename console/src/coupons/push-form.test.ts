import { maxPushUsers, outcomeTag, parseUserIds, pushProblem, pushSummary } from './push-form';

const a = '7d1e4b2a-6c3f-4a8e-9b5d-0f2c1a3e5b7d';
const b = 'a4c8e2f6-1b3d-4e5f-8a7c-9d0b2e4f6a8c';

describe('parseUserIds', () => {
  it('reads one id per line, ignoring blank lines and spaces, and sends each once', () => {
    expect(parseUserIds(`${a}\n\n  ${b.toUpperCase()} \n${a}\n`)).toEqual({ ids: [a, b], invalid: [], repeated: 1 });
  });

  it('takes ids pasted from a spreadsheet row too', () => {
    expect(parseUserIds(`${a},${b}`).ids).toEqual([a, b]);
    expect(parseUserIds(`${a}\t${b}`).ids).toEqual([a, b]);
  });

  it('keeps what is not an id apart', () => {
    expect(parseUserIds(`${a}\n12345\n张三`).invalid).toEqual(['12345', '张三']);
  });
});

describe('pushProblem', () => {
  it('lets a clean list go', () => {
    expect(pushProblem(parseUserIds(a))).toBeNull();
  });

  it('names what is not an id, asks for at least one, and keeps to the route’s limit', () => {
    expect(pushProblem(parseUserIds(`${a}\nabc`))).toBe('有 1 项不是有效的用户 ID（应为 UUID）：abc');
    expect(pushProblem(parseUserIds('  \n'))).toBe('请粘贴至少一个用户 ID，每行一个');
    const many = Array.from({ length: maxPushUsers + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join('\n');
    expect(pushProblem(parseUserIds(many))).toBe(`一次最多发给 ${maxPushUsers} 人，当前 ${maxPushUsers + 1} 人`);
  });
});

describe('the outcome of a push', () => {
  it('says issued, over the limit, out of stock or unknown user per user', () => {
    expect(outcomeTag({ userId: a, ok: true, couponId: b }).label).toBe('已发放');
    expect(outcomeTag({ userId: a, ok: false, code: 'COUPON_LIMIT_REACHED' }).label).toBe('已达每人限领');
    expect(outcomeTag({ userId: a, ok: false, code: 'COUPON_OUT_OF_STOCK' }).label).toBe('库存不足');
    expect(outcomeTag({ userId: a, ok: false, code: 'USER_NOT_FOUND' }).label).toBe('用户不存在');
    expect(outcomeTag({ userId: a, ok: false, code: 'SOMETHING_NEW' }).label).toBe('SOMETHING_NEW');
  });

  it('sums up how many got one', () => {
    expect(pushSummary([{ userId: a, ok: true, couponId: b }])).toBe('已全部发放，共 1 张');
    expect(pushSummary([{ userId: a, ok: true, couponId: b }, { userId: b, ok: false, code: 'COUPON_OUT_OF_STOCK' }])).toBe('已发放 1 张，1 人未发放');
  });
});

import { actorName, auditQuery, emptyAuditFilters, outcomeOf, payloadText, targetLabel } from './audit-view';

describe('auditQuery', () => {
  it('asks for the first page with only the page size when nothing is filtered', () => {
    expect(auditQuery(emptyAuditFilters, null)).toEqual({ limit: '20' });
  });

  it('sends the member, both days, the trimmed action text and the cursor', () => {
    const filters = { staffId: 'a1', days: { from: '2025-05-01', to: '2025-05-07' }, action: ' 发货 ' };
    expect(auditQuery(filters, 'next')).toEqual({ limit: '20', staffId: 'a1', from: '2025-05-01', to: '2025-05-07', action: '发货', cursor: 'next' });
  });

  it('leaves out blank action text', () => {
    expect(auditQuery({ ...emptyAuditFilters, action: '   ' }, null)).not.toHaveProperty('action');
  });
});

describe('outcomeOf', () => {
  it.each([
    [200, '成功', 'success'],
    [201, '成功', 'success'],
    [401, '拒绝 401', 'warning'],
    [403, '拒绝 403', 'warning'],
    [409, '失败 409', 'error'],
    [400, '失败 400', 'error'],
    [500, '出错 500', 'magenta'],
  ])('shows %i as %s', (statusCode, label, color) => {
    expect(outcomeOf({ statusCode })).toEqual({ label, color });
  });
});

it('names the member by today’s name, else by the username typed', () => {
  expect(actorName({ displayName: '店主', username: 'owner' })).toBe('店主');
  expect(actorName({ displayName: null, username: 'ghost' })).toBe('ghost');
  expect(actorName({ displayName: null, username: null })).toBe('未知');
});

it('formats the stored payload as indented JSON', () => {
  expect(payloadText({ role: 'finance', password: '***' })).toBe('{\n  "role": "finance",\n  "password": "***"\n}');
  expect(payloadText(null)).toBe('（无请求内容）');
});

describe('targetLabel', () => {
  const names = new Map([['9a80adcf-0000-4000-8000-000000000000', '客服小陈']]);

  it('names a member acted on through the staff routes', () => {
    expect(targetLabel({ route: '/api/console/staff/:id', targetId: '9a80adcf-0000-4000-8000-000000000000' }, names)).toBe('客服小陈');
  });

  it('shortens any other id, and has nothing without one', () => {
    expect(targetLabel({ route: '/api/console/products/:id', targetId: '9a80adcf-0000-4000-8000-000000000000' }, names)).toBe('9a80adcf');
    expect(targetLabel({ route: '/api/console/staff', targetId: null }, names)).toBeNull();
  });
});

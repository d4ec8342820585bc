import type { Metrics } from '@linli/shared/schemas/analytics';
import type { App } from '../../src/app';
import { createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';

let app: App;
let headers: { authorization: string };
beforeAll(async () => {
  app = await buildTestApp();
  headers = (await createStaffMember(app, 'operator')).headers;
});
afterAll(async () => {
  await app.close();
});

const metrics = (query: string) => app.inject({ method: 'GET', url: `/api/console/metrics?${query}`, headers });

describe('the metrics date range', () => {
  it.each([
    ['from after to', 'from=2025-03-02&to=2025-03-01', 'METRICS_RANGE_INVALID'],
    ['93 days', 'from=2025-01-01&to=2025-04-03', 'METRICS_RANGE_TOO_LONG'],
    ['a day that does not exist', 'from=2025-02-30&to=2025-03-01', 'VALIDATION_FAILED'],
    ['a date in another format', 'from=2025/03/01&to=2025-03-02', 'VALIDATION_FAILED'],
    ['a missing end', 'from=2025-03-01', 'VALIDATION_FAILED'],
  ])('refuses %s with 400', async (_what, query, code) => {
    const res = await metrics(query);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
  });

  it('accepts 92 days and answers a row for each, with zeros and nulls in an empty shop', async () => {
    const res = await metrics('from=2025-01-01&to=2025-04-02');
    expect(res.statusCode).toBe(200);
    const body = res.json<Metrics>();
    expect(body.days).toHaveLength(92);
    expect(body.days.at(-1)!.date).toBe('2025-04-02');
    expect(body.totals).toMatchObject({ gmv: 0, orders: 0, averageOrderValue: null, visitToPayConversion: null, repurchaseRate: null });
    expect(body.topProducts).toEqual([]);
    expect(body.topPromoters).toEqual([]);
  });
});

import { and, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { staff } from '../../src/modules/staff/tables';
import { bearer } from '../helper';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { staffSession } from '../sessions';

describeOnPostgres('the last owner under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase());
  });
  afterAll(async () => {
    await close?.();
  });

  it('keeps an active owner when every owner demotes another at the same moment', async () => {
    const owners = await Promise.all(Array.from({ length: 10 }, () => staffSession(app, 'owner')));
    const results = await Promise.all(
      owners.map((by, i) =>
        app.inject({
          method: 'PATCH',
          url: `/api/console/staff/${owners[(i + 1) % owners.length]!.staffId}`,
          headers: bearer(by.token),
          payload: { role: 'operator' },
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'LAST_OWNER')).toBe(true);
    const remaining = await app.db.select().from(staff).where(and(eq(staff.role, 'owner'), eq(staff.active, true)));
    expect(remaining).toHaveLength(1);
  });
});

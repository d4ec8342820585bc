import type { App } from '../../src/app';
import { createProduct, createShopper, createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';
import { createRunningCampaign, insertGroup } from './group-state-fixtures';

let app: App;
let operator: { authorization: string };
beforeAll(async () => {
  app = await buildTestApp();
  operator = (await createStaffMember(app, 'operator')).headers;
});
afterAll(async () => {
  await app.close();
});

const day = 86_400_000;

async function validBody(overrides: Record<string, unknown> = {}) {
  const { productId, skuIds } = await createProduct(app, { price: 1990, skuCount: 2 });
  return {
    productId,
    title: '三人成团',
    groupSize: 3,
    timeLimitMinutes: 1440,
    startsAt: new Date(Date.now() - day).toISOString(),
    endsAt: new Date(Date.now() + 7 * day).toISOString(),
    perUserLimit: 1,
    newUsersOnly: false,
    skus: [
      { skuId: skuIds[0]!, groupPrice: 1500, leaderPrice: 1200 },
      { skuId: skuIds[1]!, groupPrice: 1600 },
    ],
    ...overrides,
  };
}

function post(headers: Record<string, string>, payload: object) {
  return app.inject({ method: 'POST', url: '/api/console/group-campaigns', headers, payload });
}

function patch(headers: Record<string, string>, id: string, payload: object) {
  return app.inject({ method: 'PATCH', url: `/api/console/group-campaigns/${id}`, headers, payload });
}

describe('creating group-buy campaigns', () => {
  it('creates a campaign with its SKU prices and no groups yet', async () => {
    const body = await validBody();
    const res = await post(operator, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ productId: body.productId, groupSize: 3, active: true, groups: { open: 0, succeeded: 0, failed: 0 } });
    expect(res.json().skus).toEqual(
      expect.arrayContaining([
        { skuId: body.skus[0]!.skuId, specs: expect.any(Object), price: 1990, groupPrice: 1500, leaderPrice: 1200 },
        { skuId: body.skus[1]!.skuId, specs: expect.any(Object), price: 1990, groupPrice: 1600, leaderPrice: null },
      ]),
    );
    const read = await app.inject({ method: 'GET', url: `/api/console/group-campaigns/${res.json().id}`, headers: operator });
    expect(read.json().skus).toHaveLength(2);
  });

  it('names the product and what each SKU costs without a group, for the list to compare', async () => {
    const body = await validBody();
    const product = (await app.inject({ method: 'GET', url: `/api/console/products/${body.productId}`, headers: operator })).json();
    await post(operator, body);
    const listed = (await app.inject({ method: 'GET', url: '/api/console/group-campaigns?limit=1', headers: operator })).json().items[0];
    expect(listed).toMatchObject({ productId: body.productId, productTitle: product.title, productCoverUrl: product.images[0] });
    const first = product.skus.find((s: { id: string }) => s.id === body.skus[0]!.skuId);
    expect(listed.skus.find((s: { skuId: string }) => s.skuId === first.id)).toEqual({ skuId: first.id, specs: first.specs, price: first.price, groupPrice: 1500, leaderPrice: 1200 });
  });

  it.each([
    ['a group of 1', { groupSize: 1 }, 'body/groupSize'],
    ['a group of 21', { groupSize: 21 }, 'body/groupSize'],
    ['a time limit under 5 minutes', { timeLimitMinutes: 4 }, 'body/timeLimitMinutes'],
    ['a per-user limit of 0', { perUserLimit: 0 }, 'body/perUserLimit'],
    ['no SKUs at all', { skus: [] }, 'body/skus'],
  ])('refuses %s as invalid input', async (_, overrides, path) => {
    const res = await post(operator, await validBody(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a group price equal to the SKU price', async () => {
    const body = await validBody();
    const res = await post(operator, { ...body, skus: [{ skuId: body.skus[0]!.skuId, groupPrice: 1990 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_GROUP_CAMPAIGN', details: [{ path: '/body/skus/0/groupPrice', message: expect.any(String) }] });
  });

  it('refuses a SKU of another product', async () => {
    const other = await createProduct(app);
    const body = await validBody();
    const res = await post(operator, { ...body, skus: [body.skus[0]!, { skuId: other.skuIds[0]!, groupPrice: 1000 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_GROUP_CAMPAIGN');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/body/skus/1/skuId']);
  });

  it('refuses a leader price above the group price', async () => {
    const body = await validBody();
    const res = await post(operator, { ...body, skus: [{ skuId: body.skus[0]!.skuId, groupPrice: 1500, leaderPrice: 1501 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/body/skus/0/leaderPrice']);
  });

  it('refuses the same SKU listed twice', async () => {
    const body = await validBody();
    const res = await post(operator, { ...body, skus: [body.skus[0]!, body.skus[0]!] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/body/skus/1/skuId']);
  });

  it('refuses a window that ends before it starts', async () => {
    const res = await post(operator, await validBody({ startsAt: new Date(Date.now() + 2 * day).toISOString(), endsAt: new Date(Date.now() + day).toISOString() }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_GROUP_CAMPAIGN');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/body/endsAt']);
  });

  it('writes nothing when a rule is broken', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/console/group-campaigns?limit=50', headers: operator })).json().items.length;
    const body = await validBody();
    await post(operator, { ...body, skus: [body.skus[0]!, { skuId: body.skus[1]!.skuId, groupPrice: 5000 }] });
    const after = (await app.inject({ method: 'GET', url: '/api/console/group-campaigns?limit=50', headers: operator })).json().items.length;
    expect(after).toBe(before);
  });

  it('answers 404 for a product that does not exist', async () => {
    const res = await post(operator, await validBody({ productId: '00000000-0000-4000-8000-00000000abcd' }));
    expect(res.statusCode).toBe(404);
  });
});

describe('listing and editing campaigns', () => {
  it('lists campaigns newest first with their groups counted by status', async () => {
    const { campaign } = await createRunningCampaign(app);
    await insertGroup(app, campaign, { status: 'open', seats: [{ nickname: '甲', status: 'paid' }] });
    await insertGroup(app, campaign, { status: 'open', seats: [{ nickname: '乙', status: 'paid' }] });
    await insertGroup(app, campaign, { status: 'failed', seats: [{ nickname: '丙', status: 'refunded' }] });
    const res = await app.inject({ method: 'GET', url: '/api/console/group-campaigns?limit=1', headers: operator });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ id: campaign.id, groups: { pending: 0, open: 2, succeeded: 0, failed: 1, abandoned: 0 } });
    expect(res.json().nextCursor).toEqual(expect.any(String));
  });

  it('renames, switches off and extends a campaign', async () => {
    const { campaign } = await createRunningCampaign(app);
    const later = new Date(campaign.endsAt.getTime() + day).toISOString();
    const res = await patch(operator, campaign.id, { title: '新标题', active: false, endsAt: later });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '新标题', active: false, endsAt: later });
  });

  it('refuses to end a campaign earlier than announced', async () => {
    const { campaign } = await createRunningCampaign(app);
    const res = await patch(operator, campaign.id, { endsAt: new Date(campaign.endsAt.getTime() - 60_000).toISOString() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CAMPAIGN_END_ONLY_LATER');
  });

  it('answers 404 for a campaign that does not exist', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    expect((await patch(operator, id, { title: 'x' })).json().error.code).toBe('NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: `/api/console/group-campaigns/${id}`, headers: operator })).statusCode).toBe(404);
  });
});

describe('the live group monitor', () => {
  it('shows each group with its members, seats and time left, filtered by status', async () => {
    const { campaign } = await createRunningCampaign(app);
    const { group } = await insertGroup(app, campaign, {
      status: 'open',
      expiresInMs: 30 * 60_000,
      seats: [
        { nickname: '张三', status: 'paid' },
        { nickname: '李四', status: 'reserved' },
      ],
    });
    await insertGroup(app, campaign, { status: 'failed', seats: [{ nickname: '王五', status: 'refunded' }] });
    const res = await app.inject({ method: 'GET', url: `/api/console/group-campaigns/${campaign.id}/groups?status=open`, headers: operator });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    const shown = res.json().items[0];
    expect(shown).toMatchObject({ id: group.id, status: 'open', size: 3, seatsTaken: 2, seatsPaid: 1 });
    expect(shown.members).toEqual([
      { nickname: '张三', isLeader: true, seat: 'paid' },
      { nickname: '李四', isLeader: false, seat: 'reserved' },
    ]);
    expect(shown.secondsLeft).toBeGreaterThan(0);
    expect(shown.secondsLeft).toBeLessThanOrEqual(30 * 60);
  });

  it('answers 404 for the groups of an unknown campaign', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/console/group-campaigns/00000000-0000-4000-8000-00000000abcd/groups', headers: operator });
    expect(res.statusCode).toBe(404);
  });
});

describe('who may manage campaigns', () => {
  it('lets the owner create a campaign', async () => {
    const { headers } = await createStaffMember(app, 'owner');
    expect((await post(headers, await validBody())).statusCode).toBe(201);
  });

  it.each(['service', 'finance'] as const)('lets %s read campaigns and the monitor but not create or edit', async (role) => {
    const { headers } = await createStaffMember(app, role);
    const { campaign } = await createRunningCampaign(app);
    expect((await app.inject({ method: 'GET', url: '/api/console/group-campaigns', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/console/group-campaigns/${campaign.id}`, headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/console/group-campaigns/${campaign.id}/groups`, headers })).statusCode).toBe(200);
    expect((await post(headers, await validBody())).json().error.code).toBe('FORBIDDEN');
    expect((await patch(headers, campaign.id, { active: false })).statusCode).toBe(403);
  });

  it('denies a shopper token', async () => {
    const shopper = await createShopper(app);
    const res = await post(shopper.headers, await validBody());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('WRONG_AUDIENCE');
  });
});

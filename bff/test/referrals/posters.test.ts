import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { products, skus } from '../../src/modules/catalog/tables';
import { groupCampaigns } from '../../src/modules/group-buys/tables';
import { users } from '../../src/modules/users/tables';
import { createProduct, createShopper } from '../fixtures';
import { createRunningCampaign, insertGroup } from '../group-buys/group-state-fixtures';
import { buildTestApp } from '../helper';
import { createShare, inviteShareOf } from './referral-fixtures';

type Headers = Record<string, string>;

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const hour = 3_600_000;

async function shareOf(target: App, headers: Headers, kind: 'product' | 'group', targetId: string): Promise<string> {
  const res = await createShare(target, headers, { kind, targetId, channel: 'poster' });
  if (res.statusCode !== 201) throw new Error(`share not created: ${res.body}`);
  return res.json<{ shareId: string }>().shareId;
}

function posterOf(target: App, shareId: string, headers: Headers) {
  return target.inject({ method: 'GET', url: `/api/shares/${shareId}/poster`, headers });
}

async function sharerWithAvatar(target: App, nickname: string, avatarUrl: string) {
  const sharer = await createShopper(target, nickname);
  await target.db.update(users).set({ avatarUrl }).where(eq(users.id, sharer.userId));
  return sharer;
}

describe('poster data', () => {
  it("draws a product share with the cheapest SKU's price and list price, the sharer and the code links", async () => {
    const sharer = await sharerWithAvatar(app, '小花', '/media/avatars/xiaohua.png');
    const { productId, skuIds } = await createProduct(app, { title: '海南贵妃芒', price: 3990, skuCount: 2 });
    await app.db.update(products).set({ subtitle: '树上熟' }).where(eq(products.id, productId));
    await app.db.update(skus).set({ price: 2990, listPrice: 4590 }).where(eq(skus.id, skuIds[1]!));
    const shareId = await shareOf(app, sharer.headers, 'product', productId);

    const res = await posterOf(app, shareId, sharer.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'product',
      title: '海南贵妃芒',
      subtitle: '树上熟',
      imageUrl: '/media/products/test.png',
      price: 2990,
      listPrice: 4590,
      groupBuy: null,
      sharer: { nickname: '小花', avatarUrl: '/media/avatars/xiaohua.png' },
      codeUrl: `/api/shares/${shareId}/code.png`,
      h5Url: `/h5/#/pages/landing/index?s=${shareId}`,
      scene: shareId,
      page: 'pages/landing/index',
    });
  });

  it("adds the running campaign's lowest group price, group size and end to a product share", async () => {
    const sharer = await createShopper(app);
    const { campaign, productId } = await createRunningCampaign(app);
    const shareId = await shareOf(app, sharer.headers, 'product', productId);

    const poster = (await posterOf(app, shareId, sharer.headers)).json();
    expect(poster).toMatchObject({ price: 1990, listPrice: 2990 });
    expect(poster.groupBuy).toEqual({ groupPrice: 1500, groupSize: 3, missing: null, expiresAt: campaign.endsAt.toISOString() });
  });

  it('leaves out a campaign that has ended or is switched off', async () => {
    const sharer = await createShopper(app);
    const { campaign, productId } = await createRunningCampaign(app);
    const shareId = await shareOf(app, sharer.headers, 'product', productId);

    await app.db.update(groupCampaigns).set({ active: false }).where(eq(groupCampaigns.id, campaign.id));
    expect((await posterOf(app, shareId, sharer.headers)).json().groupBuy).toBeNull();
    await app.db
      .update(groupCampaigns)
      .set({ active: true, startsAt: new Date(Date.now() - 2 * hour), endsAt: new Date(Date.now() - hour) })
      .where(eq(groupCampaigns.id, campaign.id));
    expect((await posterOf(app, shareId, sharer.headers)).json().groupBuy).toBeNull();
  });

  it('draws a group share with the seats still to be paid for and when the group closes', async () => {
    const sharer = await createShopper(app);
    const { campaign } = await createRunningCampaign(app);
    const { group } = await insertGroup(app, campaign, {
      status: 'open',
      seats: [
        { nickname: '团长', status: 'paid' },
        { nickname: '团员', status: 'reserved' },
      ],
    });
    const shareId = await shareOf(app, sharer.headers, 'group', group.id);

    const res = await posterOf(app, shareId, sharer.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'group',
      title: '测试商品',
      price: 1990,
      listPrice: 2990,
      groupBuy: { groupPrice: 1500, groupSize: 3, missing: 2, expiresAt: group.expiresAt!.toISOString() },
      scene: shareId,
      page: 'pages/landing/index',
    });
  });

  it('draws an invitation with the shop name and invitation copy instead of a product', async () => {
    const sharer = await sharerWithAvatar(app, '阿强', 'https://thirdwx.qlogo.cn/mmopen/aqiang/132');
    const shareId = await inviteShareOf(app, sharer.headers);

    const res = await posterOf(app, shareId, sharer.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'invite',
      title: '邻里',
      subtitle: '邻里好物，拼着买更划算。扫码一起逛逛',
      imageUrl: null,
      price: null,
      listPrice: null,
      groupBuy: null,
      sharer: { nickname: '阿强', avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/aqiang/132' },
      codeUrl: `/api/shares/${shareId}/code.png`,
      h5Url: `/h5/#/pages/landing/index?s=${shareId}`,
      scene: shareId,
      page: 'pages/landing/index',
    });
  });

  it('makes image, avatar, code and h5 links absolute under PUBLIC_BASE_URL, leaving WeChat avatar URLs alone', async () => {
    const hosted = await buildTestApp({ PUBLIC_BASE_URL: 'https://shop.example.com/' });
    try {
      const local = await sharerWithAvatar(hosted, '本地头像', '/media/avatars/local.png');
      const { productId } = await createProduct(hosted);
      const shareId = await shareOf(hosted, local.headers, 'product', productId);
      expect((await posterOf(hosted, shareId, local.headers)).json()).toMatchObject({
        imageUrl: 'https://shop.example.com/media/products/test.png',
        sharer: { avatarUrl: 'https://shop.example.com/media/avatars/local.png' },
        codeUrl: `https://shop.example.com/api/shares/${shareId}/code.png`,
        h5Url: `https://shop.example.com/h5/#/pages/landing/index?s=${shareId}`,
      });

      const wechatUser = await sharerWithAvatar(hosted, '微信头像', 'https://thirdwx.qlogo.cn/mmopen/x/132');
      const invite = await inviteShareOf(hosted, wechatUser.headers);
      expect((await posterOf(hosted, invite, wechatUser.headers)).json().sharer.avatarUrl).toBe('https://thirdwx.qlogo.cn/mmopen/x/132');
    } finally {
      await hosted.close();
    }
  });
});

describe('whose poster', () => {
  it("answers 404 for another shopper's share, as if it did not exist", async () => {
    const sharer = await createShopper(app);
    const other = await createShopper(app);
    const shareId = await inviteShareOf(app, sharer.headers);
    const res = await posterOf(app, shareId, other.headers);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for a share id that was never minted', async () => {
    const sharer = await createShopper(app);
    const res = await posterOf(app, 'NeverMinted12', sharer.headers);
    expect(res.statusCode).toBe(404);
  });

  it('answers 401 without a token', async () => {
    const sharer = await createShopper(app);
    const shareId = await inviteShareOf(app, sharer.headers);
    expect((await posterOf(app, shareId, {})).statusCode).toBe(401);
  });
});

describe('what a poster may advertise', () => {
  it('answers 404 for a product share once the product is off shelf', async () => {
    const sharer = await createShopper(app);
    const { productId } = await createProduct(app);
    const shareId = await shareOf(app, sharer.headers, 'product', productId);
    await app.db.update(products).set({ onShelf: false }).where(eq(products.id, productId));

    const res = await posterOf(app, shareId, sharer.headers);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it("answers 404 for a group share once the group's product is off shelf", async () => {
    const sharer = await createShopper(app);
    const { campaign, productId } = await createRunningCampaign(app);
    const { group } = await insertGroup(app, campaign, { status: 'open', seats: [{ nickname: '团长', status: 'paid' }] });
    const shareId = await shareOf(app, sharer.headers, 'group', group.id);
    await app.db.update(products).set({ onShelf: false }).where(eq(products.id, productId));

    expect((await posterOf(app, shareId, sharer.headers)).statusCode).toBe(404);
  });
});

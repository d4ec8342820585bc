import type { App } from '../../src/app';
import { activeCampaignSku } from '../../src/modules/group-buys/campaign-for-sku';
import { createProduct } from '../fixtures';
import { buildTestApp } from '../helper';
import { createRunningCampaign } from './group-state-fixtures';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const hour = 3_600_000;

describe('the group prices of a SKU in a campaign', () => {
  it('gives the campaign and the prices while the campaign runs', async () => {
    const { campaign, skuId } = await createRunningCampaign(app);
    const offer = await activeCampaignSku(app.db, { campaignId: campaign.id, skuId, now: new Date() });
    expect(offer).toMatchObject({ campaign: { id: campaign.id, groupSize: 3 }, groupPrice: 1500, leaderPrice: 1200 });
  });

  it('gives nothing before the window opens or once it has closed', async () => {
    const { campaign, skuId } = await createRunningCampaign(app);
    expect(await activeCampaignSku(app.db, { campaignId: campaign.id, skuId, now: new Date(campaign.startsAt.getTime() - 1) })).toBeNull();
    expect(await activeCampaignSku(app.db, { campaignId: campaign.id, skuId, now: campaign.endsAt })).toBeNull();
  });

  it('gives nothing for a campaign switched off', async () => {
    const { campaign, skuId } = await createRunningCampaign(app, { active: false });
    expect(await activeCampaignSku(app.db, { campaignId: campaign.id, skuId, now: new Date() })).toBeNull();
  });

  it('gives nothing for a SKU that is not in the campaign', async () => {
    const { campaign } = await createRunningCampaign(app);
    const other = await createProduct(app);
    expect(await activeCampaignSku(app.db, { campaignId: campaign.id, skuId: other.skuIds[0]!, now: new Date(Date.now() + hour) })).toBeNull();
  });
});

import type { CategoryList } from '@linli/shared/schemas/catalog';
import type { RunningCampaigns } from '@linli/shared/schemas/group-buys';
import { request } from './client';

export function listCategories(): Promise<CategoryList> {
  return request<CategoryList>({ path: '/api/categories' });
}

/** Group buys running now, the most joined first (the home page's 热门拼团). */
export function listRunningCampaigns(limit: number): Promise<RunningCampaigns> {
  return request<RunningCampaigns>({ path: '/api/group-buys/campaigns', query: { limit } });
}

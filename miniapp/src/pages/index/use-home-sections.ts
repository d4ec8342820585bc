import { useCallback, useState } from 'react';
import type { Category } from '@linli/shared/schemas/catalog';
import type { RunningCampaign } from '@linli/shared/schemas/group-buys';
import { listCategories, listRunningCampaigns } from '../../api/catalog';

const HOT_GROUP_BUYS = 6;

export interface HomeSections {
  categories: Category[];
  campaigns: RunningCampaign[];
}

/**
 * The home page's sections above the product grid. Each loads on its own and a failed one is simply
 * not shown: the grid below carries the page's error state, and a pull-to-refresh retries them all.
 */
export function useHomeSections(): { sections: HomeSections; reload: () => Promise<void> } {
  const [sections, setSections] = useState<HomeSections>({ categories: [], campaigns: [] });
  const reload = useCallback(async () => {
    const [categories, campaigns] = await Promise.all([
      listCategories().then((r) => r.items).catch(() => null),
      listRunningCampaigns(HOT_GROUP_BUYS).then((r) => r.items).catch(() => null),
    ]);
    setSections((before) => ({ categories: categories ?? before.categories, campaigns: campaigns ?? before.campaigns }));
  }, []);
  return { sections, reload };
}

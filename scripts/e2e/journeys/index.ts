import type { Journey } from '../journey';
import { browseHome } from './browse-home';
import { consoleCampaigns } from './console-campaigns';
import { consoleDashboard } from './console-dashboard';
import { groupBuyFromShare } from './group-buy-from-share';
import { openProduct } from './open-product';

/** Every journey, in the order they run. A new journey is a new file here plus one line. */
export const journeys: Journey[] = [browseHome, openProduct, groupBuyFromShare, consoleDashboard, consoleCampaigns];

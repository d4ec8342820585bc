import type { Journey } from '../journey';
import { browseHome } from './browse-home';
import { consoleCatalog } from './console-catalog';
import { consoleCampaigns } from './console-campaigns';
import { consoleDashboard } from './console-dashboard';
import { consoleOrders } from './console-orders';
import { consoleReferrals } from './console-referrals';
import { consoleStaff } from './console-staff';
import { groupBuyFromShare } from './group-buy-from-share';
import { openProduct } from './open-product';

/** Every journey, in the order they run. A new journey is a new file here plus one line. */
export const journeys: Journey[] = [browseHome, openProduct, groupBuyFromShare, consoleCatalog, consoleCampaigns, consoleOrders, consoleReferrals, consoleStaff, consoleDashboard];

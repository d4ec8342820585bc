import type { Journey } from '../journey';
import { browseHome } from './browse-home';
import { consoleDashboard } from './console-dashboard';
import { consoleStaff } from './console-staff';
import { groupBuyFromShare } from './group-buy-from-share';
import { openProduct } from './open-product';

/** Every journey, in the order they run. A new journey is a new file here plus one line. */
export const journeys: Journey[] = [browseHome, openProduct, groupBuyFromShare, consoleDashboard, consoleStaff];

import type { DemoCategory, DemoProduct } from './demo-types';
import { apparelProducts } from './products/apparel';
import { babyToyProducts } from './products/baby-toys';
import { beautyProducts } from './products/beauty';
import { freshFruitProducts } from './products/fresh-fruit';
import { homeProducts } from './products/home';
import { snackProducts } from './products/snacks';

export type { DemoCategory, DemoProduct, DemoSku } from './demo-types';

/** The shop a fresh install opens with, so every page has something real-looking to show. */
export const demoCategories: DemoCategory[] = [
  { slug: 'fresh-fruit', name: '生鲜水果', sort: 1 },
  { slug: 'snacks', name: '休闲零食', sort: 2 },
  { slug: 'home', name: '家居日用', sort: 3 },
  { slug: 'beauty', name: '美妆个护', sort: 4 },
  { slug: 'apparel', name: '服饰鞋包', sort: 5 },
  { slug: 'baby-toys', name: '母婴玩具', sort: 6 },
];

export const demoProducts: DemoProduct[] = [
  ...freshFruitProducts,
  ...snackProducts,
  ...homeProducts,
  ...beautyProducts,
  ...apparelProducts,
  ...babyToyProducts,
];

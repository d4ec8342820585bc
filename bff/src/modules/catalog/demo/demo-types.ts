import type { ImageMotif } from './motifs/motif';

export interface DemoCategory {
  slug: string;
  name: string;
  sort: number;
}

export interface DemoSku {
  /** Unique across the whole demo catalog. */
  code: string;
  /** Spec name → chosen value, one entry per spec of the product. */
  specs: Record<string, string>;
  /** Integer fen. */
  price: number;
  /** Integer fen, the struck-through "原价"; never below price. */
  listPrice: number;
  stock: number;
}

export interface DemoProduct {
  slug: string;
  categorySlug: string;
  title: string;
  subtitle: string;
  /** Paragraphs separated by a blank line. */
  detail: string;
  onShelf: boolean;
  specs: Array<{ name: string; values: string[] }>;
  skus: DemoSku[];
  /** Always 0: the shop shows real sales only. */
  salesCount: number;
  image: { hue: number; motif: ImageMotif };
  /** How many gallery images to render: variants 0 … imageCount - 1. */
  imageCount: number;
}

import { Type, type Static } from '@sinclair/typebox';
import { Category, Sku, SpecDefinition } from './catalog';
import { CursorQuery, Fen, Id, Page, Timestamp } from './common';

/** The merchant console's view of the catalog: off-shelf products, SKU codes and write bodies. */

/** Images are served by the BFF's own media store; foreign URLs are refused (mini-programs whitelist domains). */
export const MediaUrl = Type.String({ pattern: '^/media/[a-z0-9][a-z0-9/._-]*$', maxLength: 200 });

export const ConsoleCategory = Type.Composite([Category, Type.Object({ productCount: Type.Integer({ minimum: 0 }) })]);
export type ConsoleCategory = Static<typeof ConsoleCategory>;
export const ConsoleCategoryList = Type.Object({ items: Type.Array(ConsoleCategory) });
export type ConsoleCategoryList = Static<typeof ConsoleCategoryList>;

const CategoryName = Type.String({ minLength: 1, maxLength: 20 });
const CategorySort = Type.Integer({ minimum: -10000, maximum: 10000 });

export const CreateCategoryBody = Type.Object(
  { name: CategoryName, sort: Type.Optional(CategorySort) },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Object(
  { name: Type.Optional(CategoryName), sort: Type.Optional(CategorySort) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const SpecDefinitionInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 10 }),
    values: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type SpecDefinitionInput = Static<typeof SpecDefinitionInput>;

/** A positive price in fen: nothing in the shop is free. */
const Price = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'amount in fen (分)' });

export const SkuInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$', description: 'merchant SKU code, unique in the shop' }),
    specs: Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 })),
    price: Price,
    listPrice: Price,
    stock: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SkuInput = Static<typeof SkuInput>;

const ProductFields = {
  categoryId: Id,
  title: Type.String({ minLength: 1, maxLength: 60 }),
  subtitle: Type.String({ maxLength: 120 }),
  detail: Type.String({ maxLength: 5000 }),
  images: Type.Array(MediaUrl, { minItems: 1, maxItems: 9, description: 'the first is the cover' }),
  specs: Type.Array(SpecDefinitionInput, { maxItems: 3 }),
};

export const CreateProductBody = Type.Object(
  {
    categoryId: ProductFields.categoryId,
    title: ProductFields.title,
    subtitle: Type.Optional(ProductFields.subtitle),
    detail: Type.Optional(ProductFields.detail),
    images: ProductFields.images,
    specs: ProductFields.specs,
    skus: Type.Array(SkuInput, { minItems: 1, maxItems: 200 }),
    onShelf: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateProductBody = Static<typeof CreateProductBody>;

export const UpdateProductBody = Type.Object(
  {
    categoryId: Type.Optional(ProductFields.categoryId),
    title: Type.Optional(ProductFields.title),
    subtitle: Type.Optional(ProductFields.subtitle),
    detail: Type.Optional(ProductFields.detail),
    images: Type.Optional(ProductFields.images),
    specs: Type.Optional(ProductFields.specs),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProductBody = Static<typeof UpdateProductBody>;

export const ShelfBody = Type.Object({ onShelf: Type.Boolean() }, { additionalProperties: false });

export const UpdateSkuPriceBody = Type.Object(
  { price: Type.Optional(Price), listPrice: Type.Optional(Price) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSkuPriceBody = Static<typeof UpdateSkuPriceBody>;

export const StockAdjustBody = Type.Object(
  {
    delta: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 }, description: 'units to add (negative removes)' }),
  },
  { additionalProperties: false },
);
export type StockAdjustBody = Static<typeof StockAdjustBody>;

export const StockLevel = Type.Object({ skuId: Id, stock: Type.Integer({ minimum: 0 }) });

export const ConsoleProductListQuery = Type.Object(
  {
    ...CursorQuery,
    categoryId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    onShelf: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ConsoleProductListQuery = Static<typeof ConsoleProductListQuery>;

export const ConsoleProductRow = Type.Object({
  id: Id,
  categoryId: Id,
  title: Type.String(),
  coverUrl: Type.String(),
  onShelf: Type.Boolean(),
  salesCount: Type.Integer({ minimum: 0 }),
  /** lowest SKU price */
  price: Fen,
  totalStock: Type.Integer({ minimum: 0 }),
  skuCount: Type.Integer({ minimum: 0 }),
  updatedAt: Timestamp,
});
export type ConsoleProductRow = Static<typeof ConsoleProductRow>;
export const ConsoleProductPage = Page(ConsoleProductRow);
export type ConsoleProductPage = Static<typeof ConsoleProductPage>;

export const ConsoleSku = Type.Composite([Sku, Type.Object({ code: Type.String() })]);
export type ConsoleSku = Static<typeof ConsoleSku>;

export const ConsoleProductDetail = Type.Object({
  id: Id,
  categoryId: Id,
  title: Type.String(),
  subtitle: Type.String(),
  detail: Type.String(),
  images: Type.Array(Type.String()),
  specs: Type.Array(SpecDefinition),
  onShelf: Type.Boolean(),
  salesCount: Type.Integer({ minimum: 0 }),
  skus: Type.Array(ConsoleSku),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ConsoleProductDetail = Static<typeof ConsoleProductDetail>;

export const UploadedImage = Type.Object({ url: Type.String() });

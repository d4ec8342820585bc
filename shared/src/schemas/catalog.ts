import { Type, type Static } from '@sinclair/typebox';
import { CursorQuery, Fen, Id, Page } from './common';

export const Category = Type.Object({ id: Id, name: Type.String(), sort: Type.Integer() });
export type Category = Static<typeof Category>;

export const ProductCard = Type.Object({
  id: Id,
  categoryId: Id,
  title: Type.String(),
  subtitle: Type.String(),
  coverUrl: Type.String(),
  /** lowest on-shelf SKU price */
  price: Fen,
  listPrice: Fen,
  salesCount: Type.Integer({ minimum: 0 }),
  soldOut: Type.Boolean(),
});
export type ProductCard = Static<typeof ProductCard>;

export const SpecDefinition = Type.Object({ name: Type.String(), values: Type.Array(Type.String()) });
export type SpecDefinition = Static<typeof SpecDefinition>;

export const Sku = Type.Object({
  id: Id,
  specs: Type.Record(Type.String(), Type.String()),
  price: Fen,
  listPrice: Fen,
  stock: Type.Integer({ minimum: 0 }),
});
export type Sku = Static<typeof Sku>;

export const ProductDetail = Type.Composite([
  ProductCard,
  Type.Object({
    images: Type.Array(Type.String()),
    detail: Type.String(),
    onShelf: Type.Boolean(),
    specs: Type.Array(SpecDefinition),
    skus: Type.Array(Sku),
  }),
]);
export type ProductDetail = Static<typeof ProductDetail>;

export const ProductListQuery = Type.Object(
  {
    ...CursorQuery,
    categoryId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'keyword; matches Chinese substrings' })),
  },
  { additionalProperties: false },
);
export type ProductListQuery = Static<typeof ProductListQuery>;

export const ProductPage = Page(ProductCard);
export type ProductPage = Static<typeof ProductPage>;

export const CategoryList = Type.Object({ items: Type.Array(Category) });
export type CategoryList = Static<typeof CategoryList>;

import type { GroupBuyChoice, OrderLineInput } from '@linli/shared/schemas/order';
import type { CheckoutMode } from '../routes';

/** What is being bought, read back from checkoutPage's query: the parts of the order the page did not ask for. */
export interface CheckoutOrder {
  mode: CheckoutMode | 'cart';
  lines: OrderLineInput[];
  groupBuy?: GroupBuyChoice;
  shareId?: string;
  fromCart: boolean;
}

const MAX_LINES = 20;
/** The BFF's share id format; a mangled one would fail the whole order, so it is dropped instead. */
const SHARE_ID = /^[A-Za-z0-9_-]{10,16}$/;
const MAX_QUANTITY = 99;

// Some runtimes hand page parameters over still percent-encoded; ids and quantities never contain '%'.
function decoded(value: string | undefined): string | undefined {
  if (value === undefined || !value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function quantityOf(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,2}$/.test(text)) return null;
  const quantity = Number(text);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}

function cartLines(text: string | undefined): OrderLineInput[] | null {
  if (text === undefined || text === '') return null;
  const lines: OrderLineInput[] = [];
  for (const part of text.split(',')) {
    const [skuId, count] = part.split('*');
    const quantity = quantityOf(count);
    if (!skuId || quantity === null) return null;
    lines.push({ skuId, quantity });
  }
  return lines.length <= MAX_LINES ? lines : null;
}

/** The order checkoutPage described, or null when the link is broken (then there is nothing to buy). */
export function checkoutOrderOf(raw: Record<string, string | undefined>): CheckoutOrder | null {
  const param = (key: string) => {
    const value = decoded(raw[key]);
    return value === '' ? undefined : value;
  };
  const mode = param('mode');
  if (mode === 'cart') {
    const lines = cartLines(param('lines'));
    return lines ? { mode, lines, fromCart: true } : null;
  }
  const skuId = param('skuId');
  const quantity = quantityOf(param('quantity') ?? '1');
  if (skuId === undefined || quantity === null) return null;
  const shareId = param('shareId');
  const base = { lines: [{ skuId, quantity }], shareId: shareId !== undefined && SHARE_ID.test(shareId) ? shareId : undefined, fromCart: false };
  const campaignId = param('campaignId');
  const groupId = param('groupId');
  switch (mode) {
    case 'single':
      return { mode, ...base };
    case 'open-group':
      return campaignId === undefined ? null : { mode, ...base, groupBuy: { campaignId } };
    case 'join-group':
      return campaignId === undefined || groupId === undefined ? null : { mode, ...base, groupBuy: { campaignId, groupId } };
    default:
      return null;
  }
}

/** The h5 hash routes the journeys open directly (miniapp/src/routes.ts `pages`, without the leading slash). */
export const groupRoute = 'packages/group/detail/index';
export const orderRoute = 'packages/order/detail/index';
export const couponCentreRoute = 'packages/coupon/centre/index';
export const promoterCentreRoute = 'packages/promoter/centre/index';
export const earningsRoute = 'packages/promoter/earnings/index';
export const checkoutRoute = 'packages/order/checkout/index';
export const payRoute = 'packages/order/pay/index';

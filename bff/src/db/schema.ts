// Every table, gathered for drizzle's relational typing and for drizzle-kit. Each lives in its domain.
export * from '../modules/users/tables';
export * from '../modules/staff/tables';
export * from '../modules/catalog/tables';
export * from '../modules/cart/tables';
export * from '../modules/coupons/tables';
export * from '../modules/group-buys/tables';
export * from '../modules/orders/tables';
export * from '../modules/payments/tables';
export * from '../modules/referrals/tables';
export * from '../modules/ledger/tables';
export * from '../modules/commissions/tables';
export * from '../modules/withdrawals/tables';
export * from '../modules/analytics/tables';

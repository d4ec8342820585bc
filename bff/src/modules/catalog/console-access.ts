import type { StaffRole } from '../staff/tables';

/** Every staff role may look at the catalog; only those who run the shop may change it. */
export const catalogReaders: StaffRole[] = ['owner', 'operator', 'service', 'finance'];
export const catalogWriters: StaffRole[] = ['owner', 'operator'];

export const staffSecurity = [{ staff: [] }];

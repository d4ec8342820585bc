/**
 * The role × permission table lives in shared/ so the console shows exactly the pages the BFF lets a
 * role open. Every console route names one permission; the auth plugin refuses the request before
 * anything else runs when the caller's role is not listed.
 */
export { allows, permissions, type Permission } from '@linli/shared/staff-permissions';

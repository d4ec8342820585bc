import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isErrorBody } from '@linli/shared/error-body';
import type { StaffRole } from './tables';
import { auditPayload, jsonbSafe } from './audit-payload';
import { createStaffActionLog, signInRoute, type NewStaffAction } from './staff-action-log';

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves once every audit entry begun so far is written (or its failure logged). */
    staffActionsSettled(): Promise<void>;
  }
}

const consolePrefix = '/api/console/';
const readOnly = new Set(['GET', 'HEAD']);
/** Recorded whoever calls them: a failed sign-in names nobody, and is the attempt most worth seeing. */
const signInRoutes = new Set([signInRoute, `${consolePrefix}auth/logout`]);
const usernameMaxLength = 64;

/**
 * The audit log of the console (staff_actions): every change a staff member asked for, allowed or
 * refused with 403, and every sign-in attempt and sign-out. Routes do nothing for it: the route's
 * pattern and summary name the action, `request.staffMember` names who (set by requirePermission,
 * and by the login and logout routes).
 */
async function staffAuditLog(app: FastifyInstance) {
  const log = createStaffActionLog(app.db);
  const errorCodes = new WeakMap<FastifyRequest, string>();
  const writing = new Set<Promise<void>>();

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      const code = errorCodeOf(payload);
      if (code) errorCodes.set(request, code);
    }
    return payload;
  });

  // onResponse: the action's own transaction has already committed or rolled back, so the entry
  // records the real outcome and can never undo the action; the domain tables (orders,
  // withdrawals) keep their own transactional event logs with the staff id.
  app.addHook('onResponse', async (request, reply) => {
    const entry = staffActionOf(request, reply, errorCodes.get(request) ?? null);
    if (!entry) return;
    const write = log.record(entry).catch((err: unknown) => {
      request.log.error({ err, requestId: request.id, route: entry.route }, 'staff action not recorded in the audit log');
    });
    writing.add(write);
    await write;
    writing.delete(write);
  });

  app.decorate('staffActionsSettled', async () => {
    await Promise.all(writing);
  });
  app.addHook('onClose', async () => {
    await Promise.all(writing);
  });
}

function staffActionOf(request: FastifyRequest, reply: FastifyReply, errorCode: string | null): NewStaffAction | null {
  const route = request.routeOptions.url;
  if (!route?.startsWith(consolePrefix) || readOnly.has(request.method)) return null;
  // Decorated as null; set once a staff token was verified (even when its role was then refused).
  const member = request.staffMember as { id: string; role: StaffRole } | null;
  if (!member && !signInRoutes.has(route)) return null;
  return {
    staffId: member?.id ?? null,
    username: member ? null : typedUsername(request.body),
    role: member?.role ?? null,
    method: request.method,
    route,
    action: request.routeOptions.schema?.summary ?? `${request.method} ${route}`,
    targetId: targetIdOf(request.params),
    payload: auditPayload(request.body),
    statusCode: reply.statusCode,
    errorCode,
    ip: request.ip,
    requestId: request.id,
  };
}

/** The record a route acts on: its `:id`, or a param named like `:productId`. */
function targetIdOf(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const found = Object.entries(params).find(([name, value]) => (name === 'id' || name.endsWith('Id')) && typeof value === 'string');
  return found ? String(found[1]) : null;
}

/** The username typed at a sign-in nobody passed, as typed (within reason). */
function typedUsername(body: unknown): string | null {
  const username: unknown = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  return typeof username === 'string' ? jsonbSafe(username.slice(0, usernameMaxLength)) : null;
}

function errorCodeOf(payload: string): string | null {
  try {
    const body: unknown = JSON.parse(payload);
    return isErrorBody(body) ? body.error.code : null;
  } catch {
    return null;
  }
}

export default fp(staffAuditLog, { name: 'staff-audit-log', dependencies: ['auth'] });

import type { App } from '../../src/app';

export interface ApiOperation {
  /** `METHOD /path` with OpenAPI's `{param}` placeholders, e.g. `GET /api/orders/{id}` */
  name: string;
  method: string;
  path: string;
  /** a shopper token is accepted (required or optional) */
  shopper: boolean;
  /** a shopper token is required: checked before the request's parameters and body */
  shopperOnly: boolean;
}

interface Document {
  paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
}

const methods = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * Every shopper-facing operation (/api outside /api/console) as the OpenAPI document lists it: the
 * probes read the routes from there, so a route added tomorrow is probed tomorrow.
 */
export async function shopperOperations(app: App): Promise<ApiOperation[]> {
  const document = (await app.inject({ url: '/openapi.json' })).json<Document>();
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/console/'))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.includes(method))
        .map(([method, operation]) => ({
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          shopper: (operation.security ?? []).some((requirement) => 'shopper' in requirement),
          shopperOnly: (operation.security ?? []).length > 0 && (operation.security ?? []).every((requirement) => 'shopper' in requirement),
        })),
    );
}

import Taro from '@tarojs/taro';
import type { Me, UpdateMeBody } from '@linli/shared/schemas/auth';
import type { Cart } from '@linli/shared/schemas/cart';
import { ApiError, NETWORK_ERROR, apiErrorFromResponse } from './api-error';
import { API_BASE, request, session } from './client';

export function getMe(): Promise<Me> {
  return request<Me>({ path: '/api/me', auth: 'required' });
}

/** Nickname and avatar are what the shopper typed or chose; the BFF checks they are printable. */
export function updateMe(body: UpdateMeBody): Promise<Me> {
  return request<Me>({ path: '/api/me', method: 'PATCH', body, auth: 'required' });
}

/** `code` from the getPhoneNumber button; the BFF exchanges it with WeChat and answers the masked phone. */
export function bindPhone(code: string): Promise<Me> {
  return request<Me>({ path: '/api/me/phone', method: 'POST', body: { code }, auth: 'required' });
}

export function getCart(): Promise<Cart> {
  return request<Cart>({ path: '/api/cart', auth: 'required' });
}

async function postAvatar(filePath: string): Promise<{ statusCode: number; data: unknown }> {
  const token = (await session.ensureSignedIn()).accessToken;
  try {
    const response = await Taro.uploadFile({
      url: `${API_BASE}/api/me/avatar`,
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
    });
    let data: unknown = null;
    try {
      data = JSON.parse(response.data);
    } catch {
      // not JSON: apiErrorFromResponse reports the status alone
    }
    return { statusCode: response.statusCode, data };
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '网络不给力，请检查网络后重试');
  }
}

/**
 * Uploads the picture WeChat's avatar chooser returned (a temporary local file) as the shopper's
 * avatar. An upload is not a `request`, so an expired access token is renewed the ordinary way — a
 * `getMe` through the session — and the upload is tried once more.
 */
export async function uploadAvatar(filePath: string): Promise<Me> {
  let response = await postAvatar(filePath);
  if (response.statusCode === 401) {
    await getMe();
    response = await postAvatar(filePath);
  }
  if (response.statusCode !== 200) throw apiErrorFromResponse(response.statusCode, response.data);
  return response.data as Me;
}

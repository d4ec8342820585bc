import type { Me } from '@linli/shared/schemas/auth';
import type { Cart } from '@linli/shared/schemas/cart';
import { request } from './client';

export function getMe(): Promise<Me> {
  return request<Me>({ path: '/api/me', auth: 'required' });
}

export function getCart(): Promise<Cart> {
  return request<Cart>({ path: '/api/cart', auth: 'required' });
}

import type { Me } from '@linli/shared/schemas/auth';
import { maskPhone } from './phone-mask';
import type { User } from './users-repository';

/** What a shopper sees of their own account: never the openid, never the full phone number. */
export function toProfile(user: User): Me {
  return {
    id: user.id,
    nickname: user.nickname,
    avatarUrl: user.avatarUrl,
    phoneMasked: user.phone === null ? null : maskPhone(user.phone),
  };
}

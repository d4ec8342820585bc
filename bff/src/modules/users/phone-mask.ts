/**
 * A phone number as shown back to people: enough to recognise it, not enough to call it.
 * `13800138000` → `138****8000`; `+447911123456` → `+44****3456`; very short numbers keep 2 digits.
 */
export function maskPhone(phone: string): string {
  if (phone.length >= 8) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `****${phone.slice(-2)}`;
}

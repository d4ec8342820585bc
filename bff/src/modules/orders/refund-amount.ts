/**
 * What refunding `units` more units of a line returns, given what was already refunded. Cumulative
 * and exact: refunding a line unit by unit returns the same total as refunding it at once, and the
 * last unit takes the remainder, so the line never refunds more or less than its payable.
 */
export function refundForUnits(line: { payable: number; quantity: number; refundedQuantity: number; refundedAmount: number }, units: number): number {
  const after = line.refundedQuantity + units;
  if (units < 1 || after > line.quantity) throw new RangeError('refund units out of range');
  const cumulative = after === line.quantity ? line.payable : Math.floor((line.payable * after) / line.quantity);
  return cumulative - line.refundedAmount;
}

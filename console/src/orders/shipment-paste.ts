/**
 * Lines pasted into the batch-ship dialog: "订单号,快递公司,运单号", as carriers' tools export them
 * (CSV, quoted or not) or as copied from a spreadsheet (tab-separated). Each line either fills in a
 * selected order or is reported with the reason it did not; none is silently dropped.
 */
export interface PastedShipment {
  orderId: string;
  carrier: string;
  trackingNo: string;
}

export interface UnmatchedLine {
  /** 1-based, as the merchant counts the lines they pasted */
  line: number;
  text: string;
  reason: string;
}

export interface PasteOutcome {
  matched: PastedShipment[];
  unmatched: UnmatchedLine[];
}

/** The cells of one CSV line; doubled quotes inside quotes are one quote. Chinese commas separate too. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === '，')) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Spreadsheets and our own export mark numbers as text with a leading apostrophe or tab. */
const cleanCell = (cell: string) => cell.trim().replace(/^'/, '').trim();

export function readPastedShipments(text: string, selected: ReadonlyArray<{ id: string; orderNo: string }>): PasteOutcome {
  const idOf = new Map(selected.map((order) => [order.orderNo, order.id]));
  const firstLineOf = new Map<string, number>();
  const outcome: PasteOutcome = { matched: [], unmatched: [] };
  for (const [index, raw] of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).entries()) {
    const [orderNo = '', carrier = '', trackingNo = ''] = (raw.includes('\t') ? raw.split('\t') : csvCells(raw)).map(cleanCell);
    // Blank lines separate nothing, and a header row names its columns: neither is an order.
    if (raw.trim() === '' || orderNo === '订单号') continue;
    const line = index + 1;
    const unmatched = (reason: string) => outcome.unmatched.push({ line, text: raw.trim(), reason });
    const orderId = idOf.get(orderNo);
    const earlier = firstLineOf.get(orderNo);
    if (orderNo === '' || carrier === '' || trackingNo === '') unmatched('应为三列：订单号,快递公司,运单号');
    else if (orderId === undefined) unmatched('不是已选的订单');
    else if (earlier !== undefined) unmatched(`订单号与第 ${earlier} 行重复，已用第 ${earlier} 行`);
    else {
      firstLineOf.set(orderNo, line);
      outcome.matched.push({ orderId, carrier, trackingNo });
    }
  }
  return outcome;
}

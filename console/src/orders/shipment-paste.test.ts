import { readPastedShipments } from './shipment-paste';

const selected = [
  { id: 'id-1', orderNo: 'L2026120601000000000001' },
  { id: 'id-2', orderNo: 'L2026120601000000000002' },
];

describe('readPastedShipments', () => {
  it('maps each order no. to its selected order, with the carrier and tracking no. of its line', () => {
    const outcome = readPastedShipments('L2026120601000000000001,中通快递,73100000000001\nL2026120601000000000002,顺丰速运,SF1000000002\n', selected);
    expect(outcome).toEqual({
      matched: [
        { orderId: 'id-1', carrier: '中通快递', trackingNo: '73100000000001' },
        { orderId: 'id-2', carrier: '顺丰速运', trackingNo: 'SF1000000002' },
      ],
      unmatched: [],
    });
  });

  it('reads a carrier tool’s CSV: BOM, header row, CRLF, quoted cells, Chinese commas and text-marked numbers', () => {
    const text = '\uFEFF订单号,快递公司,运单号\r\n"L2026120601000000000001","中通快递","\'73100000000001"\r\n L2026120601000000000002 ，顺丰速运， SF1000000002 \r\n';
    expect(readPastedShipments(text, selected).matched).toEqual([
      { orderId: 'id-1', carrier: '中通快递', trackingNo: '73100000000001' },
      { orderId: 'id-2', carrier: '顺丰速运', trackingNo: 'SF1000000002' },
    ]);
  });

  it('reads rows copied from a spreadsheet, which are tab-separated', () => {
    expect(readPastedShipments('L2026120601000000000002\t韵达快递\t4300000000002', selected).matched).toEqual([{ orderId: 'id-2', carrier: '韵达快递', trackingNo: '4300000000002' }]);
  });

  it('reports, with its line number, every line that fills in no selected order', () => {
    const text = ['L2026120601000000000001,中通快递,731', '', 'L2099000000000000000009,中通快递,732', 'L2026120601000000000002,中通快递', 'L2026120601000000000001,圆通速递,YT733'].join('\n');
    const outcome = readPastedShipments(text, selected);
    expect(outcome.matched).toEqual([{ orderId: 'id-1', carrier: '中通快递', trackingNo: '731' }]);
    expect(outcome.unmatched).toEqual([
      { line: 3, text: 'L2099000000000000000009,中通快递,732', reason: '不是已选的订单' },
      { line: 4, text: 'L2026120601000000000002,中通快递', reason: '应为三列：订单号,快递公司,运单号' },
      { line: 5, text: 'L2026120601000000000001,圆通速递,YT733', reason: '订单号与第 1 行重复，已用第 1 行' },
    ]);
  });
});

import { csvCell, csvLine, exportDisposition } from './order-csv';

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://x","点我")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('puts an apostrophe before %j so no spreadsheet runs it', (text) => {
    expect(csvCell(text).replace(/^"/, '').startsWith(`'${text[0]}`)).toBe(true);
  });

  it('leaves ordinary text, amounts and order numbers as they are', () => {
    expect(csvCell('林小满')).toBe('林小满');
    expect(csvCell('12.30')).toBe('12.30');
    expect(csvCell('L2026120601020312345678')).toBe('L2026120601020312345678');
    expect(csvCell('13800138000')).toBe('13800138000');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('文三路 1 号, 2 幢')).toBe('"文三路 1 号, 2 幢"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('keeps a long all-digit tracking no. as text for Excel with a leading tab', () => {
    expect(csvCell('73100000000001')).toBe('\t73100000000001');
  });
});

it('ends each record with CRLF', () => {
  expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
});

it('names the file after the Shanghai day, in Chinese for RFC 5987 clients and in ASCII for the rest', () => {
  expect(exportDisposition(new Date('2026-12-05T16:30:00Z'))).toBe(
    `attachment; filename="orders-20261206.csv"; filename*=UTF-8''%E8%AE%A2%E5%8D%95-20261206.csv`,
  );
});

/** Hand-made cases of every citation form, including the messy ones, plus property tests. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, toOriginal } from '../ingest/clean.ts';
import { extract } from '../ingest/index.ts';
import { canonicalVi, foldSymbol } from '../ingest/normalize.ts';
import { matchAny } from '../ingest/backrefs.ts';
import { formatSymbol, parseSymbol } from '../ingest/symbol.ts';

const cites = (text: string) => extract({ file: 't.txt', text }).citations;
const one = (text: string) => {
  const c = cites(text);
  expect(c).toHaveLength(1);
  return c[0];
};

describe('clean', () => {
  it('maps every normalised char back into the original, across NFD, markdown and line breaks', () => {
    const text = '**Quyết định** số 218-\n\n QĐ/TW của Ban Bi\u0301 thư';
    const c = clean(text);
    expect(c.norm).toBe('Quyết định số 218-\nQĐ/TW của Ban Bí thư');
    const i = c.norm.indexOf('Bí');
    expect(text.slice(toOriginal(c, i, i + 2).start, toOriginal(c, i, i + 2).end)).toBe('Bi\u0301');
  });
  it('drops gazette running headers and page numbers between the parts of a sentence, in NFC or NFD', () => {
    for (const header of ['CÔNG BÁO/Số 261 + 262/Ngày 06-3-2022', 'CÔNG BÁO/Số 261 + 262/Ngày 06-3-2022'.normalize('NFD')]) {
      const text = `Căn cứ Luật Bảo \n \n4 \n${header} \n  \nhiểm xã hội ngày 20 tháng 11 năm 2014 của Quốc hội;`;
      const x = extract({ file: 'g.txt', text });
      expect(clean(text).norm).not.toContain('CÔNG BÁO');
      expect(x.citations.map((c) => [c.key, c.name])).toEqual([['58/2014/QH13', 'Luật Bảo hiểm xã hội']]);
    }
  });
  it('a page number opening the line that goes on a law\'s name is left out of the name ("Luật Bảo\\n14 hiểm xã hội")', () => {
    const c = one('theo quy định tại Điều 59 Luật Bảo\n\nCÔNG BÁO/Số 1459 + 1460/Ngày 19-10-2025\n14 hiểm xã hội ngày 29 tháng 6 năm 2024;');
    expect([c.key, c.name]).toEqual(['41/2024/QH15', 'Luật Bảo hiểm xã hội']);
    // a number inside a line is not a page number ("Luật Viễn thông gửi 01 bộ hồ sơ")
    expect(cites('Điều 33 Luật Tần số gửi 01 bộ hồ sơ tới Ủy ban nhân dân').map((x) => x.name)).not.toContain('Luật Tần số gửi bộ hồ sơ');
  });
  it('a running header with the page\'s text joined after it on one line: only the header goes', () => {
    const text = 'chính sách của Đảng và Nhà nước;\n42\nCÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 c) Quyết định số 92/2005/QĐ-TTg ngày 29 tháng 4 năm 2005 của Thủ tướng Chính phủ;';
    const c = clean(text);
    expect(c.norm).toBe('chính sách của Đảng và Nhà nước;\nc) Quyết định số 92/2005/QĐ-TTg ngày 29 tháng 4 năm 2005 của Thủ tướng Chính phủ;');
    const x = one(text);
    expect([x.key, x.date, text.slice(x.mentions[0].start, x.mentions[0].end)]).toEqual(['92/2005/QĐ-TTg', '2005-04-29', 'Quyết định số 92/2005/QĐ-TTg ngày 29 tháng 4 năm 2005 của Thủ tướng Chính phủ']);
  });
  it("a document's own page header repeated under three running headers or more is dropped, not read into a symbol broken at the page", () => {
    const page = (n: number, code: string) => `\n${n}\nCÔNG BÁO/Số 1025 + 1026/Ngày 09-12-2021\n${code}\n`;
    const head = 'THÔNG TƯ\nBan hành quy trình kiểm định\n' + 'Điều 1. Phạm vi\n'.repeat(30);
    const body = (code: string) =>
      `${head}nội dung${page(44, code)}nội dung${page(45, code)}theo Quyết định số 64/2008/${page(46, code)}QĐ-BLĐTBXH ngày 27 tháng 11 năm 2008 của Bộ Lao động - Thương binh và Xã hội.`;
    expect(cites(body('QTKĐ:06-2021/BLĐTBXH')).map((c) => [c.key, c.date])).toEqual([['64/2008/QĐ-BLĐTBXH', '2008-11-27']]);
    // a line two pages happen to open with is text
    const twice = `${head}nội dung${page(44, 'Phụ lục')}nội dung${page(45, 'Phụ lục')}nội dung`;
    expect(clean(twice).norm.match(/Phụ lục/g)).toHaveLength(2);
  });
  it('a number alone on its line with a dash after it, before a line opening with a type code, is a broken symbol, not a page number', () => {
    const c = one('Thực hiện Quyết định số\n217-\nQĐ/TW ngày 12/12/2013 của Bộ Chính trị.');
    expect([c.key, c.date]).toEqual(['217-QĐ/TW@XI', '2013-12-12']);
    for (const page of ['- 5 -', '5', '-5-']) expect(clean(`một câu\n${page}\nQĐ/TW tiếp`).norm).toBe('một câu\nQĐ/TW tiếp');
  });
  it('recognises running headers and signature lines with doubled, no-break or zero-width spaces, Markdown emphasis or in NFD, so no name reads into them', () => {
    for (const line of ['CÔNG  BÁO/Số  231 + 232/Ngày 01-02-2025', 'CÔNG\u00a0BÁO/Số 231 + 232/Ngày 01-02-2025', 'Người\u00a0ký: Cổng Thông tin', 'CÔNG BÁO/**Số 231** + 232/Ngày 01-02-2025', '**Người ký**: Cổng Thông tin', 'Người\u200b ký: Cổng Thông tin điện tử Chính phủ', 'Người ký: Cổng Thông tin'.normalize('NFD')]) {
      const text = `Căn cứ Luật Bảo \n${line}\nhiểm xã hội ngày 20 tháng 11 năm 2014 của Quốc hội;`;
      expect(cites(text).map((c) => c.key), line).toEqual(['58/2014/QH13']);
    }
  });
  it('moves a spliced footnote after the body', () => {
    const text = 'Quyết định số 2501/QĐ-UBND ngày \n' + ' '.repeat(40) + '\n\n* Ghi chú về Chỉ thị số 05-CT/TW ngày 15/5/2016. \n 17/5/2021 của UBND huyện';
    const c = clean(text);
    expect(c.norm.slice(0, c.footnoteStart)).toContain('ngày\n17/5/2021');
  });
  it('a page number between a footnote rule and its note, or inside the note, is dropped and the note stays one', () => {
    const text = `Quyết định số 2501/QĐ-UBND của \n${' '.repeat(40)}\n18\n19 Mẫu này ban hành kèm theo Thông tư số 08/2023/TT-\n76\nBLĐTBXH ngày 29 tháng 8 năm 2023.\n UBND huyện`;
    const c = clean(text);
    expect(c.norm.slice(0, c.footnoteStart)).toContain('của\nUBND huyện');
    expect(c.norm.slice(c.footnoteStart)).not.toMatch(/\b(?:18|76)\b/);
    const x = cites(text).find((ci) => ci.symbol === '08/2023/TT-BLĐTBXH');
    expect([x?.date, x?.mentions.map((m) => m.section)]).toEqual(['2023-08-29', ['footnote']]);
  });
  it('a spliced footnote with zero-width spaces in its mark and its last line is still one', () => {
    for (const zw of ['', '\u200b']) {
      const text = `Quyết định số 2501/QĐ-UBND ngày \n${' '.repeat(40)}\n1 ${zw}Thông tư số 12/2024/TT-BLĐTBXH có căn cứ ban hành như sau:\nCăn ${zw}cứ Nghị định số 62/2022/NĐ-CP ngày 12/9/2022.${zw} \n 17/5/2021 của UBND huyện`;
      const c = clean(text);
      expect(c.norm.slice(0, c.footnoteStart), JSON.stringify(zw)).toContain('ngày\n17/5/2021');
      expect(cites(text).find((x) => x.symbol === '62/2022/NĐ-CP')?.mentions.map((m) => [m.section, m.cue])).toEqual([['footnote', 'cites']]);
    }
  });
});

describe('symbols', () => {
  it.each([
    ['217/QĐ-TW', '217-QĐ/TW'],
    ['05-CTr/BDVTU-BCSĐUBND', '05-CTr/BDVTU-BCSĐUBND'],
    ['10/2022/QH15', '10/2022/QH15'],
    ['34/2007/PL-UBTVQH11', '34/2007/PL-UBTVQH11'],
  ])('%s → %s', (w, canon) => expect(formatSymbol(parseSymbol(w)!)).toBe(canon));
  it('folds loosely for matching', () => expect(foldSymbol('217/QĐ-TW')).toBe(foldSymbol('217 - QD/TW')));
});

describe('find and resolve', () => {
  it('Cyrillic letters drawn like Latin ones are read as Latin in symbols ("40/2026/NĐ-СР", "TT-BТС"), with offsets into the original', () => {
    const text = 'Nghị định số 40/2026/NĐ-\u0421\u0420 ngày 25/01/2026; Thông tư số 06/2022/TT-B\u0422\u0421 ngày 08 tháng 2 năm 2022';
    const c = cites(text);
    expect(c.map((x) => [x.key, x.date])).toEqual([['40/2026/NĐ-CP', '2026-01-25'], ['6/2022/TT-BTC', '2022-02-08']]);
    expect(text.slice(c[0].mentions[0].start, c[0].mentions[0].end)).toBe('Nghị định số 40/2026/NĐ-\u0421\u0420 ngày 25/01/2026');
  });
  it('a symbol ends at "ngày" or "của" glued to it by a PDF that lost the space ("NĐ-CPngày")', () => {
    expect(cites('ban hành kèm theo Nghị định số 142/2025/NĐ-Cpngày 12/6/2025 của Chính phủ; Quyết định số 217-QĐ/TWcủa Bộ Chính trị').map((c) => [c.key, c.date, c.issuer])).toEqual([
      ['142/2025/NĐ-CP', '2025-06-12', 'Chính phủ'],
      ['217-QĐ/TW@?', null, 'Bộ Chính trị'],
    ]);
  });
  it('an old code joined by "&" is read whole ("QĐ-BGD&ĐT"); a number inside a link is not a citation', () => {
    expect(cites('Thông tư số 14/2009/TT-BGDĐT và Quyết định số 37/2000/QĐ-BGD&ĐT ngày 29 tháng 8 năm 2000 của Bộ trưởng Bộ Giáo dục và Đào tạo').map((c) => [c.key, c.symbol, c.date])).toEqual([
      ['14/2009/TT-BGDĐT', '14/2009/TT-BGDĐT', null],
      ['37/2000/QĐ-BGDĐT', '37/2000/QĐ-BGD&ĐT', '2000-08-29'],
    ]);
    const table = 'Thông tư\nSố 14/2007/TT-\nBLĐTBXH\nngày 30/8/2007\nhttps://vbpl.vn/TW/Pages/vbpq-\ntoanvan.aspx?ItemID=123084&Keyword=\n14/2007/TT-BL%C4%90TBXH\nS%E1%BB%91%20178/1998/TT-TCCP';
    expect(cites(table).map((c) => c.key)).toEqual(['14/2007/TT-BLĐTBXH']);
  });
  it('State form with long date, issuer and subject', () => {
    const c = one('Căn cứ Kế hoạch số 15/KH-UBND ngày 14 tháng 01 năm 2022 của Ủy ban nhân dân tỉnh Đồng Tháp về công tác dân vận;');
    expect(c).toMatchObject({ symbol: '15/KH-UBND', date: '2022-01-14', issuer: 'Ủy ban nhân dân tỉnh Đồng Tháp', relation: 'based_on', key: '15/KH-UBND@2022@Đồng Tháp' });
    expect(c.subject).toBe('công tác dân vận');
  });
  it('Party form broken across lines, without "số"', () => {
    const c = one('theo Quyết định 218-\n\nQĐ/TW ngày 12/12/2013 của Bộ Chính trị.');
    expect(c).toMatchObject({ symbol: '218-QĐ/TW', key: '218-QĐ/TW@XI', date: '2013-12-12', issuer: 'Bộ Chính trị' });
  });
  it('joined pair shares date and issuer', () => {
    const c = cites('theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI) về …');
    expect(c.map((x) => [x.symbol, x.date, x.issuer])).toEqual([
      ['217-QĐ/TW', '2013-12-12', 'Bộ Chính trị (khóa XI)'],
      ['218-QĐ/TW', '2013-12-12', 'Bộ Chính trị (khóa XI)'],
    ]);
  });
  it('joined with "và số": the second number\'s date and issuer are the first\'s too', () => {
    expect(cites('Căn cứ Nghị quyết số 43/NQ-CP và số 44/NQ-CP ngày 20/3/2022 của Chính phủ;').map((x) => [x.key, x.date, x.issuer])).toEqual([
      ['43/NQ-CP@2022', '2022-03-20', 'Chính phủ'],
      ['44/NQ-CP@2022', '2022-03-20', 'Chính phủ'],
    ]);
  });
  it('a date in parentheses after the symbol, with or without the issuer inside them', () => {
    for (const t of ['Kế hoạch số 99/KH-UBND (ngày 05/01/2022) của UBND tỉnh Trà Vinh;', 'Kế hoạch số 99/KH-UBND (ngày 05/01/2022 của UBND tỉnh Trà Vinh);']) {
      expect(one(`Thực hiện ${t}`), t).toMatchObject({ key: '99/KH-UBND@2022@Trà Vinh', date: '2022-01-05', issuer: 'UBND tỉnh Trà Vinh' });
    }
  });
  it('the issuer before the date, and a day alone on its line after "ngày" (not a page number)', () => {
    expect(one('Căn cứ Quyết định số 124/2004/QĐ-TTg của Thủ tướng Chính phủ ngày 07/8/2004 về việc ban hành bảng danh mục;')).toMatchObject({ date: '2004-08-07', issuer: 'Thủ tướng Chính phủ' });
    expect(one('Căn cứ Thông tư liên tịch số 17/2014/\nTTLT-BLĐTBXH-BTC ngày \n\n01 \ntháng 8 năm 2014 của Bộ Tài chính;')).toMatchObject({ symbol: '17/2014/TTLT-BLĐTBXH-BTC', date: '2014-08-01' });
    // a real page number between two lines stays dropped
    expect(clean('Quyết định số 12/QĐ-UBND của\n 12 \nUBND tỉnh').norm).toBe('Quyết định số 12/QĐ-UBND của\nUBND tỉnh');
  });
  it('an issuer ends where the next "Căn cứ" line begins', () => {
    const x = cites('Triển khai thực hiện Quy định số 08-QĐi/TW ngày 25/10/2022 của Ban Chấp hành Trung ương\nCăn cứ Hướng dẫn số 12-HD/BTGTW ngày 05/4/2022 của Ban Tuyên giáo Trung ương;');
    expect(x.map((c) => [c.key, c.issuer])).toEqual([
      ['8-QĐi/TW@XIII', 'Ban Chấp hành Trung ương'],
      ['12-HD/BTGTW@XIII', 'Ban Tuyên giáo Trung ương'],
    ]);
  });
  it.each(['QĐ 217/218-QĐ/TW ngày 12/12/2013', 'Quyết định số 217, 218-QĐ/TW ngày 12/12/2013'])('short joined form: %s', (t) => {
    expect(cites(`thực hiện ${t} của Bộ Chính trị`).map((x) => [x.symbol, x.date])).toEqual([
      ['217-QĐ/TW', '2013-12-12'],
      ['218-QĐ/TW', '2013-12-12'],
    ]);
  });
  it("a joined citation's date goes to documents of its kind, and yields to a document's own date elsewhere in the text", () => {
    // the date after "Quy định 124" is not the two Quyết định's
    const x = cites('Căn cứ Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị;\n1. Thực hiện QĐ 217/218-QĐ/TW và Quy định 124-QĐ/TW ngày 2/2/2018.');
    expect(x.map((c) => [c.key, c.date, c.mentions.length])).toEqual([
      ['217-QĐ/TW@XI', '2013-12-12', 2],
      ['218-QĐ/TW@XI', '2013-12-12', 2],
      ['124-QĐ/TW@XII', '2018-02-02', 1],
    ]);
    // nor to a symbol numbered in another year
    expect(cites('theo Nghị định số 12/2019/NĐ-CP và Nghị định số 34/2020/NĐ-CP ngày 5/3/2020 của Chính phủ').map((c) => [c.key, c.date, c.issuer])).toEqual([
      ['12/2019/NĐ-CP', null, 'Chính phủ'],
      ['34/2020/NĐ-CP', '2020-03-05', 'Chính phủ'],
    ]);
    // a shared date (of the same kind) yields to the one the text gives the document itself
    const y = cites('Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;\n1. Thực hiện Chỉ thị số 05-CT/TW và Chỉ thị số 27-CT/TW ngày 10/01/2019.');
    expect(y.map((c) => [c.key, c.date, c.mentions.length])).toEqual([
      ['5-CT/TW@XII', '2016-05-15', 2],
      ['27-CT/TW@XII', '2019-01-10', 1],
    ]);
  });
  it("a province's department (Sở, SNV) and a district's office (Phòng, PGDĐT) are placed in the citing plan's province and district", () => {
    const x = extract({
      file: 'p.txt',
      text: 'ỦY BAN NHÂN DÂN\nHUYỆN CẦU NGANG\nSố: 5/KH-UBND\nCầu Ngang, ngày 2 tháng 3 năm 2023\nKẾ HOẠCH\nvề công tác dân vận\nThực hiện Công văn số 456/SNV-XDCQ ngày 15/3/2023 của Sở Nội vụ và Kế hoạch số 12/KH-PGDĐT ngày 1/3/2023;',
    });
    expect(x.citations.map((c) => [c.key, c.ambiguous?.reason])).toEqual([
      ['456/SNV-XDCQ@2023@Trà Vinh', undefined],
      ['12/KH-PGDĐT@2023@Trà Vinh/Cầu Ngang', undefined],
    ]);
  });
  it('an issuer ends at a rule or an article bullet on the next line, but goes on over a name wrapped at its dash', () => {
    expect(one('Chỉ thị số 18-CT/TW, ngày 26/10/2022 của Ban Bí thư\n-----\nThực hiện').issuer).toBe('Ban Bí thư');
    expect(one('Nghị định số 15/2026/NĐ-CP ngày 14/01/2026 của Chính phủ\n- Điều 43 quy định').issuer).toBe('Chính phủ');
    expect(one('Thông tư số 35/2013/TT-LĐTBXH ngày 30/12/2013 của Bộ Lao động\n- Thương binh và Xã hội;').issuer).toBe('Bộ Lao động - Thương binh và Xã hội');
  });
  it('Markdown: a table row ends a clause and an issuer; a footnote definition is a footnote', () => {
    const text = [
      'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;',
      '',
      '| STT | Văn bản |',
      '|---|---|',
      '| 1 | Kế hoạch số 12/KH-UBND ngày 02/3/2024 của UBND huyện | triển khai |',
      '',
      'Thực hiện Quy chế dân chủ ở cơ sở.[^1]',
      '',
      '[^1]: Theo Công văn số 55/UBND-VP ngày 01/02/2024 của UBND tỉnh.',
    ].join('\n');
    const c = extract({ file: 'p.md', text }).citations;
    expect(c.map((x) => [x.symbol, x.relation, x.issuer, x.mentions[0].section])).toEqual([
      ['59/2023/NĐ-CP', 'based_on', 'Chính phủ', 'preamble'],
      ['12/KH-UBND', 'cites', 'UBND huyện', 'preamble'],
      ['55/UBND-VP', 'cites', 'UBND tỉnh', 'footnote'],
    ]);
  });
  it('stray spaces in a symbol and Ð look-alike', () => {
    expect(one('Công văn số 432/UBND- HC ngày 25/10/2016 của UBND tỉnh').symbol).toBe('432/UBND-HC');
    expect(one('Quyết định số 217-QÐ/TW ngày 12/12/2013').key).toBe('217-QĐ/TW@XI');
  });
  it('a district or commune the header names places the plan in its province when the admin units allow only one', () => {
    const district = extract({ file: 'q.txt', text: 'ỦY BAN NHÂN DÂN\nQUẬN BÌNH TÂN\nSố: 25/KH-UBND\nBình Tân, ngày 26 tháng 2 năm 2017\nKẾ HOẠCH\nThực hiện công tác dân vận\nCăn cứ Kế hoạch số 18/KH-UBND ngày 11 tháng 2 năm 2017 của Ủy ban nhân dân Thành phố;\n' });
    // "Bình Tân" is a quận of Hồ Chí Minh and a huyện of Vĩnh Long: the type decides
    expect(district.header.key).toBe('25/KH-UBND@2017@Hồ Chí Minh/Bình Tân');
    expect(district.citations.map((c) => c.key)).toEqual(['18/KH-UBND@2017@Hồ Chí Minh']);
    const commune = extract({ file: 'p.txt', text: 'ỦY BAN NHÂN DÂN\nPHƯỜNG PHƯỚC LONG B\nSố: 24/KH-UBND\nPhước Long B, ngày 22 tháng 3 năm 2017\nKẾ HOẠCH\nTriển khai công tác dân vận\nThực hiện Kế hoạch số 18/KH-UBND ngày 11/2/2017 của UBND Thành phố;\n' });
    expect(commune.citations.map((c) => c.key)).toEqual(['18/KH-UBND@2017@Hồ Chí Minh']);
    // the text alone does not name the province: the header field stays empty
    expect(commune.header.province).toBeNull();
  });
  it('a header body under its superior ("ĐẢNG BỘ HUYỆN …" over "ĐẢNG ỦY XÃ …") is the issuer, placed by the line above', () => {
    const x = extract({ file: 'd.txt', text: 'ĐẢNG BỘ HUYỆN CẦU NGANG\nĐẢNG ỦY XÃ HIỆP MỸ TÂY\n*\nSố: 12-KH/ĐU\nHiệp Mỹ Tây, ngày 05 tháng 4 năm 2022\nKẾ HOẠCH\nthực hiện công tác dân vận\nI. MỤC ĐÍCH\n' });
    expect(x.header).toMatchObject({ issuer: 'Đảng ủy xã Hiệp Mỹ Tây', level: 'xã', commune: 'Hiệp Mỹ Tây', district: 'Cầu Ngang', key: '12-KH/ĐU@2022@Trà Vinh/Cầu Ngang/Hiệp Mỹ Tây' });
    // a unit name split over two lines stays one issuer
    expect(extract({ file: 'u.txt', text: 'ỦY BAN NHÂN DÂN\nHUYỆN CẦU NGANG\nSố: 30/KH-UBND\nCầu Ngang, ngày 05 tháng 4 năm 2022\nKẾ HOẠCH\nCông tác dân vận\n' }).header.issuer).toBe('Ủy ban nhân dân huyện Cầu Ngang');
  });
  it('a commune plan that names no district sits in the one district of its province with that commune, before the reform', () => {
    const plan = (year: number, body: string) =>
      extract({ file: 'x.txt', text: `ỦY BAN NHÂN DÂN\nXÃ MỸ CẨM\nSố: 12/KH-UBND\nMỹ Cẩm, ngày 5 tháng 4 năm ${year}\nKẾ HOẠCH\nCông tác dân vận\n${body}\n` });
    const before = plan(2022, 'Thực hiện Kế hoạch số 28/KH-UBND ngày 14/3/2022 của Ủy ban nhân dân huyện;');
    expect(before.header.key).toBe('12/KH-UBND@2022@Trà Vinh/Càng Long/Mỹ Cẩm');
    expect(before.citations.map((c) => c.key)).toEqual(['28/KH-UBND@2022@Trà Vinh/Càng Long']);
    // districts ended on 1 July 2025: no district is inferred for a later plan
    const after = plan(2026, 'Thực hiện Kế hoạch số 28/KH-UBND ngày 14/3/2026 của Ủy ban nhân dân huyện;');
    expect(after.citations.map((c) => [c.key, c.ambiguous?.reason])).toEqual([['28/KH-UBND@2026@Trà Vinh/?', 'unnamed-locality']]);
  });
  it('unit names with an apostrophe (Central Highlands) are read whole, spelled as the admin units spell them', () => {
    const x = extract({
      file: 'e.txt',
      text: "ỦY BAN NHÂN DÂN\nHUYỆN EA H'LEO\nSố: 20/KH-UBND\nEa H'leo, ngày 5 tháng 4 năm 2017\nKẾ HOẠCH\nCông tác dân vận\nThực hiện Kế hoạch số 3/KH-UBND ngày 2/3/2017 của UBND huyện Ea H’leo và Kế hoạch số 5/KH-UBND ngày 2/3/2017 của UBND huyện Ia H' Drai;\n",
    });
    expect([x.header.key, x.header.district]).toEqual(["20/KH-UBND@2017@Đắk Lắk/Ea H'leo", "Ea H'leo"]);
    expect(x.citations.map((c) => c.key)).toEqual(["3/KH-UBND@2017@Đắk Lắk/Ea H'leo", "5/KH-UBND@2017@Kon Tum/Ia H' Drai"]);
  });
  it('a name is spelled as the admin units spell it only when its tones agree: Phú Ninh (Quảng Nam) is not Phù Ninh (Phú Thọ)', () => {
    const x = extract({ file: 'p.txt', text: 'HUYỆN ỦY PHÚ NINH\n*\nSố 145-KH/HU\nPhú Ninh, ngày 20 tháng 02 năm 2025\nKẾ HOẠCH\nvề công tác dân vận\n' });
    expect([x.header.issuer, x.header.district, x.header.key]).toEqual(['Huyện ủy Phú Ninh', 'Phú Ninh', '145-KH/HU@2025@Quảng Nam/Phú Ninh']);
    expect(one('Thực hiện Kế hoạch số 12-KH/HU ngày 2/3/2024 của Ban Thường vụ Huyện ủy Phù Ninh').key).toBe('12-KH/HU@2024@Phú Thọ/Phù Ninh');
    // a unit named by a number ("PHƯỜNG 5") stays in the issuer
    expect(extract({ file: 'p.txt', text: 'ỦY BAN NHÂN DÂN\nPHƯỜNG 5\nSố: 12/KH-UBND\nKẾ HOẠCH\nvề công tác dân vận\n' }).header.issuer).toBe('Ủy ban nhân dân phường 5');
  });
  it('"thành phố" is the province only for a province-level city', () => {
    const chuTrinh = extract({
      file: 'c.txt',
      text: 'ỦY BAN NHÂN DÂN\nXÃ CHU TRINH\nSố: 12/KH-UBND\nChu Trinh, ngày 5 tháng 4 năm 2019\nKẾ HOẠCH\nCông tác dân vận\nThực hiện Kế hoạch số 28/KH-UBND ngày 01/4/2019 của Ủy ban nhân dân thành phố và Kế hoạch số 9/KH-UBND ngày 2/3/2019 của UBND tỉnh;\n',
    });
    // xã Chu Trinh lies in thành phố Cao Bằng, a district-level city of tỉnh Cao Bằng
    expect(chuTrinh.citations.map((c) => c.key)).toEqual(['28/KH-UBND@2019@Cao Bằng/Cao Bằng', '9/KH-UBND@2019@Cao Bằng']);
    const named = cites('Thực hiện Kế hoạch số 7/KH-UBND ngày 1/3/2019 của UBND thành phố Vĩnh Long và Kế hoạch số 8/KH-UBND ngày 2/3/2019 của UBND thành phố Hà Nội');
    expect(named.map((c) => c.key)).toEqual(['7/KH-UBND@2019@Vĩnh Long/Vĩnh Long', '8/KH-UBND@2019@Hà Nội']);
  });
  it('a dotted number before a year (the 2026 resolutions), and only there', () => {
    expect(one('Căn cứ Nghị quyết số 66.16/2026/NQ-CP của Chính phủ cắt giảm thủ tục;')).toMatchObject({ symbol: '66.16/2026/NQ-CP', key: '66.16/2026/NQ-CP', relation: 'based_on' });
    expect(cites('theo mục 1.2/KH-UBND ngày 03/6/2019')).toEqual([]);
  });
  it('a number restarting every year needs its year', () => {
    expect(one('Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ').key).toBe('33/CT-TTg@2021');
    const undated = one('Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ');
    expect(undated.ambiguous?.reason).toBe('no-year');
  });
  it('a local number needs its locality, from the citing plan', () => {
    const x = extract({ file: 'p.txt', text: 'KẾ HOẠCH\nCông tác năm 2022\nỦy ban nhân dân huyện Cầu Ngang xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Thực hiện Kế hoạch số 16/KH-UBND ngày 11/02/2022 của UBND huyện và Kế hoạch số 50/KH-UBND ngày 03/6/2019 của UBND tỉnh.' });
    expect(x.citations.map((c) => c.key)).toEqual(['16/KH-UBND@2022@Trà Vinh/Cầu Ngang', '50/KH-UBND@2019@Trà Vinh']);
    expect(x.citations.every((c) => c.relation === 'implements')).toBe(true);
  });
  it('a law named with its number is one document (a name the gazetteer lacks is read up to the number); accents decide where an unknown name ends', () => {
    const x = cites('Căn cứ Luật Bảo vệ và kiểm dịch thực vật số 41/2013/QH13, Luật Đê điều số 79/2006/QH11, Luật Chứng khoán số 70/2006/QH11; theo Luật Dầu khí năm 1993 và Luật Bảo hiểm y tế1');
    expect(x.map((c) => [c.key, c.name])).toEqual([
      ['41/2013/QH13', 'Luật Bảo vệ và kiểm dịch thực vật'],
      ['79/2006/QH11', 'Luật Đê điều'], // "điều" here is not an article ("Điều 5")
      ['70/2006/QH11', 'Luật Chứng khoán'], // nor "khoán" a clause
      ['Luật Dầu khí@1993', 'Luật Dầu khí'], // "khí" is not "khi" (when)
      ['25/2008/QH12', 'Luật Bảo hiểm y tế'], // in the gazetteer: found with the footnote mark "1" glued to it
    ]);
    // a following "Căn cứ" or another law is never part of a name
    expect(cites('Căn cứ Luật Dẫn độ ngày 25 tháng 6 năm 2025;\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;').map((c) => [c.key, c.name])).toEqual([
      ['Luật Dẫn độ@2025', 'Luật Dẫn độ'],
      ['63/2025/QH15', 'Luật Tổ chức Chính phủ'],
    ]);
  });
  it('a law named without a date is the one law of that name the same text dates elsewhere, if only one', () => {
    const one = cites('Căn cứ Luật Chứng khoán ngày 26 tháng 11 năm 2019; công ty theo quy định của Luật Chứng khoán');
    expect(one.map((c) => [c.key, c.mentions.length])).toEqual([['54/2019/QH14', 2]]);
    const two = cites('Luật Chứng khoán ngày 29/6/2006 và Luật Chứng khoán ngày 26/11/2019; theo quy định của Luật Chứng khoán');
    expect(two.map((c) => [c.key, c.ambiguous?.reason ?? null])).toEqual([
      ['70/2006/QH11', null],
      ['54/2019/QH14', null],
      ['Luật Chứng khoán@?', 'several-laws'],
    ]);
  });
  it('a number with a letter before its "/": Nghị quyết 30a/2008/NQ-CP', () => {
    expect(one('theo Nghị quyết số 30a/2008/NQ-CP ngày 27/12/2008 của Chính phủ')).toMatchObject({ key: '30a/2008/NQ-CP', symbol: '30a/2008/NQ-CP', date: '2008-12-27' });
  });
  it('codes written without "Đ" (ASCII text) are the codes themselves: one document with "NĐ-CP", "QĐ/TW"', () => {
    const c = cites('Căn cứ Nghị định số 04/2015/ND-CP ngày 09/01/2015 của Chính phủ; Nghị định số 04/2015/NĐ-CP; Quyết định số 217-QD/TW ngày 12/12/2013; QD 218-QD/TW ngày 12/12/2013');
    expect(c.map((x) => [x.key, x.kind])).toEqual([
      ['4/2015/NĐ-CP', 'Nghị định'],
      ['217-QĐ/TW@XI', 'Quyết định'],
      ['218-QĐ/TW@XI', 'Quyết định'],
    ]);
    expect(one('theo Quyết định số 18/2020/QD-TTg ngày 10/6/2020').key).toBe('18/2020/QĐ-TTg');
    // a D-form that is a code of its own stays: HD is Hướng dẫn, not Hợp đồng
    expect(one('theo Hướng dẫn số 31-HD/BTCTW ngày 02/3/2020').kind).toBe('Hướng dẫn');
  });
  it('variant Party forms: a space for the dash after a kind word, a lower-case issuer, "TƯ" for TW, an unknown type code', () => {
    expect(one('Căn cứ Quyết định 84 QĐ/TWĐTN ngày 12/5/2018;')).toMatchObject({ symbol: '84-QĐ/TWĐTN', date: '2018-05-12' });
    expect(cites('tổng kết 84 QĐ/TW trong năm')).toEqual([]); // no kind word: not taken
    expect(one('Căn cứ Nghị quyết số 15- Nq/tw ngày 28/7/2022 của Bộ Chính trị;')).toMatchObject({ key: '15-NQ/TW@XIII', issuer: 'Bộ Chính trị' });
    expect(one('Căn cứ Kết luận số 445-KL/TƯ ngày 10/10/2022;').key).toBe('445-KL/TW@XIII');
    expect(one('theo Lệnh số 10-LCT/HĐNN7 ngày 10/01/1986').key).toBe('10-LCT/HĐNN7');
  });
  it('codes in the wrong case are the codes: CT-TTG, CT-Ttg, Qđ-UBND, Nđ-CP', () => {
    const c = cites('Căn cứ Chỉ thị số 33/CT-TTG ngày 26/11/2021; Chỉ thị số 34/CT-Ttg ngày 26/11/2021; Quyết định số 35/Qđ-UBND ngày 2/1/2021 của UBND tỉnh Trà Vinh; Nghị định số 36/2015/Nđ-CP;');
    expect(c.map((x) => x.key)).toEqual(['33/CT-TTg@2021', '34/CT-TTg@2021', '35/QĐ-UBND@2021@Trà Vinh', '36/2015/NĐ-CP']);
    // "Casing varies (CTr/Ctr)" (reference notes, §1.1)
    expect(cites('thực hiện Chương trình số 12/Ctr-UBND ngày 3/4/2023 của UBND tỉnh Trà Vinh và Chương trình số 05-Ctr/TU ngày 3/4/2023').map((x) => [x.key, x.kind])).toEqual([
      ['12/CTr-UBND@2023@Trà Vinh', 'Chương trình'],
      ['5-CTr/TU@2023@Trà Vinh', 'Chương trình'],
    ]);
  });
  it('an "O" read for a leading zero, after a kind word only', () => {
    expect(one('Căn cứ Nghị định số O4 /2015/ND-CP ngày 09/01/2015 của Chính phủ;')).toMatchObject({ key: '4/2015/NĐ-CP', date: '2015-01-09' });
    expect(cites('mã O4/2015/NĐ-CP')).toEqual([]);
  });
  it('the legislature written apart in Roman numerals: Pháp lệnh 34/2007/PL-UBTVQH XI', () => {
    expect(one('Căn cứ Pháp lệnh số 34/2007/PL-UBTVQH XI ngày 20/4/2007;')).toMatchObject({ key: '34/2007/PL-UBTVQH11', date: '2007-04-20' });
    expect(one('theo Nghị quyết số 1656/NQ-UBTVQH15 Về việc sắp xếp').key).toBe('1656/NQ-UBTVQH15@?');
  });
  it('laws by name resolve by the date the text gives, and by name alias', () => {
    expect(one('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;').key).toBe('77/2015/QH13');
    expect(one('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;').key).toBe('72/2025/QH15');
    expect(one('triển khai Luật Dân chủ ở cơ sở').key).toBe('10/2022/QH15');
    const both = cites('theo Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội; Luật Thực hiện dân chủ ở cơ sở');
    expect(both).toHaveLength(1);
    expect(both[0].aliases).toContain('Luật Thực hiện dân chủ ở cơ sở');
  });
  it('laws whose names hold "và" or a comma are in the gazetteer, whole, with their numbers', () => {
    expect(cites('Căn cứ Luật Tiêu chuẩn và quy chuẩn kỹ thuật ngày 29 tháng 6 năm 2006; Luật Chất lượng sản phẩm, hàng hóa ngày 21 tháng 11 năm 2007; Luật Đo đạc và bản đồ ngày 14 tháng 6 năm 2018;').map((c) => [c.key, c.name])).toEqual([
      ['68/2006/QH11', 'Luật Tiêu chuẩn và quy chuẩn kỹ thuật'],
      ['05/2007/QH12', 'Luật Chất lượng sản phẩm, hàng hóa'],
      ['27/2018/QH14', 'Luật Đo đạc và bản đồ'],
    ]);
  });
  it('a law by name and year: the law of that year, else the one in force then, else a law the gazetteer lacks; never one of two laws of that year by chance', () => {
    const plan = (date: string, body: string) => extract({ file: 'p.txt', text: `Số: 1/KH-UBND\nHà Nội, ngày ${date}\nKẾ HOẠCH\nabc\n${body}\n` }).citations;
    const keys = (text: string) => cites(text).map((c) => [c.key, c.ambiguous?.reason ?? null]);
    // two laws of one name passed in 2025 (February and June): the year alone picks neither, the plan's date does
    expect(keys('Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;')).toEqual([['Luật Tổ chức chính quyền địa phương@?', 'several-laws']]);
    expect(plan('01 tháng 8 năm 2025', 'Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;').map((c) => c.key)).toEqual(['72/2025/QH15']);
    expect(plan('01 tháng 4 năm 2025', 'Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;').map((c) => c.key)).toEqual(['65/2025/QH15']);
    // an undated mention does not take the key of a mention dated with such a year
    expect(keys('Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; Luật Tổ chức chính quyền địa phương ngày 19/6/2015;')).toEqual([
      ['Luật Tổ chức chính quyền địa phương@?', 'several-laws'],
      ['77/2015/QH13', null],
    ]);
    // a year of no law of the name: the law in force then; none in force: another law, by name and year
    expect(keys('Căn cứ Luật Đất đai năm 2014;')).toEqual([['45/2013/QH13', null]]);
    expect(keys('Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;')).toEqual([['Luật Tổ chức Chính phủ@2001', null]]);
    // the year of an amendment: the law in force then, as amended
    expect(keys('Căn cứ Luật Tổ chức chính quyền địa phương (sửa đổi, bổ sung năm 2019);')).toEqual([['77/2015/QH13', null]]);
    // a law's day and month with the year off by one is that law
    expect(keys('Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2014;')).toEqual([['84/2015/QH13', null]]);
  });
  it('an amending law is one law, named by the laws it amends, which are mentions of their own', () => {
    const e = extract({
      file: 't.txt',
      text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
    });
    expect(e.citations.map((c) => [c.key, c.date, c.relation, c.mentions.length])).toEqual([
      ['77/2015/QH13', '2015-06-19', 'based_on', 2],
      ['47/2019/QH14', '2019-11-22', 'based_on', 1],
      ['Luật Tổ chức Chính phủ@?', null, 'based_on', 1],
    ]);
    expect(e.citations[1].name).toBe('Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương');
    expect(e.statedRelations.map((r) => [r.fromKey, r.relation, r.toKey])).toEqual([
      ['47/2019/QH14', 'amends', 'Luật Tổ chức Chính phủ@?'],
      ['47/2019/QH14', 'amends', '77/2015/QH13'],
    ]);
  });
  it('an amending law lists the laws it amends with their numbers, written after "số", "số:" or alone', () => {
    for (const so of ['số ', 'số: ', '']) {
      const e = extract({ file: 't.txt', text: `Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai ${so}31/2024/QH15, Luật Nhà ở ${so}27/2023/QH15 và Luật Các tổ chức tín dụng ${so}32/2024/QH15;` });
      const amending = e.citations.find((c) => c.name?.startsWith('Luật sửa đổi'));
      expect(amending?.name, JSON.stringify(so)).toBe('Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở và Luật Các tổ chức tín dụng');
      expect(e.statedRelations.filter((r) => r.relation === 'amends').map((r) => r.toKey), JSON.stringify(so)).toEqual(['31/2024/QH15', '27/2023/QH15', '32/2024/QH15']);
    }
  });
  it('names broken across lines are read: "Luật sửa\nđổi, bổ sung …", "Bộ\nluật", "Hiến\npháp"', () => {
    const e = extract({
      file: 't.txt',
      text: 'Căn cứ Hiến\npháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;\nCăn cứ Bộ\nluật Lao động ngày 20 tháng 11 năm 2019;\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22/6/2015; Luật sửa \nđổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày \n18/6/2020;',
    });
    expect(e.citations.map((c) => [c.key, c.relation])).toEqual([
      ['Hiến pháp@2013', 'based_on'], ['45/2019/QH14', 'based_on'], ['80/2015/QH13', 'based_on'], ['63/2020/QH14', 'based_on'],
    ]);
  });
  it('a law the gazetteer lacks is read whole up to its number, also when the number breaks after a slash or comes without "số"', () => {
    for (const text of ['Căn cứ Luật Tiêu chuẩn và Quy chuẩn kỹ thuật số 68/2006/\nQH11;', 'Căn cứ Luật Tiêu chuẩn và Quy chuẩn kỹ thuật 68/2006/QH11;', 'Căn cứ Luật Tiêu chuẩn và Quy chuẩn kỹ thuật số: 68/2006/QH11;']) {
      expect(one(text), text).toMatchObject({ key: '68/2006/QH11', name: 'Luật Tiêu chuẩn và Quy chuẩn kỹ thuật' });
    }
  });
  it('a clause word before a number excludes it, read accented: "khoản 2" is a clause, "Luật Chứng khoán 70/2006/QH11" a law', () => {
    expect(cites('Căn cứ Luật Chứng khoán 70/2006/QH11;').map((c) => [c.key, c.name])).toEqual([['70/2006/QH11', 'Luật Chứng khoán']]);
    expect(cites('theo khoản 2/2006/QH11 và khoan 3/2006/QH11 và Điều 5/2006/QH11')).toEqual([]);
  });
  it('slash look-alikes (fullwidth, division, fraction) read as "/", dash look-alikes as "-"', () => {
    for (const text of ['Chỉ thị số 33／CT‐TTg ngày 26/11/2021', 'Chỉ thị số 33∕CT－TTg ngày 26/11/2021', 'Chỉ thị số 33⁄CT–TTg ngày 26/11/2021']) {
      const c = one(text);
      expect([c.key, c.date], text).toEqual(['33/CT-TTg@2021', '2021-11-26']);
      expect(text.slice(c.mentions[0].start, c.mentions[0].end)).toMatch(/^Chỉ thị số 33.CT.TTg/);
    }
  });
  it('an amending law after a comma is the next law of a list, not one that the first amends', () => {
    const e = extract({ file: 't.txt', text: 'Bộ Tư pháp báo cáo về dự thảo Luật sửa đổi, bổ sung một số điều của Luật Trợ giúp pháp lý, Luật sửa\nđổi, bổ sung một số điều của Luật Công chứng, Luật Hộ tịch (sửa đổi).' });
    const amends = e.statedRelations.map((r) => [r.from, r.relation, r.to]);
    expect(amends.filter(([from]) => from.endsWith('Trợ giúp pháp lý'))).toEqual([['Luật sửa đổi, bổ sung một số điều của Luật Trợ giúp pháp lý', 'amends', 'Luật Trợ giúp pháp lý']]);
    expect(amends.map(([, , to]) => to)).toContain('Luật Công chứng');
  });
  it('a law the gazetteer lacks, named without a date, is the one the text dates: the amending law\'s date is not its own', () => {
    const e = extract({ file: 't.txt', text: 'Căn cứ Luật Giám định tư pháp ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ \nsung một số điều của Luật Giám định tư pháp ngày 10 tháng 6 năm 2020;' });
    expect(e.citations.map((c) => [c.key, c.date, c.mentions.length])).toEqual([
      ['Luật Giám định tư pháp@2012', '2012-06-20', 2],
      ['Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp@2020', '2020-06-10', 1],
    ]);
  });
  it('an amending law lists its laws past their numbers; one the gazetteer lacks needs a date, or the same name dated in the text', () => {
    const e = extract({
      file: 't.txt',
      text: 'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15;',
    });
    const amending = e.citations.find((c) => c.name?.startsWith('Luật sửa đổi'))!;
    expect(amending).toMatchObject({ name: 'Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở và Luật Các tổ chức tín dụng', ambiguous: { reason: 'no-year' } });
    expect(e.citations.map((c) => c.key)).toContain('31/2024/QH15');
    expect(e.statedRelations.filter((r) => r.relation === 'amends')).toHaveLength(3);
    const twice = cites('Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp ngày 10 tháng 6 năm 2020; theo Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp.');
    expect(twice.filter((c) => c.name?.startsWith('Luật sửa đổi')).map((c) => [c.key, c.mentions.length])).toEqual([
      ['Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp@2020', 2],
    ]);
  });
  it('an amending law named otherwise than by the laws it lists is matched by its name, across a line break', () => {
    const e = cites(
      'Căn cứ Luật sửa đổi, bổ sung một số điều của 37 Luật có liên quan đến quy \nhoạch ngày 20 tháng 11 năm 2018;\nCăn cứ Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống \nkê quốc gia của Luật Thống kê ngày 12/11/2021;',
    );
    expect(e.map((c) => [c.key, c.date, c.relation])).toEqual([
      ['35/2018/QH14', '2018-11-20', 'based_on'],
      ['01/2021/QH15', '2021-11-12', 'based_on'],
    ]);
  });
  it('a law the gazetteer lacks keeps the word pairs of its title: "Phòng, chống", "Quản lý, sử dụng"', () => {
    expect(cites('Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật Quản lý, sử dụng đất rừng hiện hành').map((c) => c.key)).toEqual([
      'Luật Phòng, chống thiên tai@2013',
      'Luật Quản lý, sử dụng đất rừng',
    ]);
    expect(cites('thực hiện Luật Phòng, chống tác hại của rượu, bia, Luật Tần số vô tuyến điện; Luật Thi hành án hình sự năm 2019').map((c) => c.key)).toEqual([
      '44/2019/QH14',
      '42/2009/QH12',
      '41/2019/QH14',
    ]);
    // still cut at a comma that ends the name
    expect(cites('theo Luật Doanh nghiệp, đồng thời Luật Giá kể từ ngày này').map((c) => c.name)).toEqual(['Luật Doanh nghiệp', 'Luật Giá']);
  });
  it('a law named just before another kind of numbered document is not that document', () => {
    const x = cites('quy định chi tiết Luật Hợp tác xã\nNghị định số 168/2025/NĐ-CP ngày 30/6/2025 của Chính phủ; Luật Đất đai số 31/2024/QH15');
    expect(x.map((c) => [c.key, c.name])).toEqual([
      ['Luật Hợp tác xã@?', 'Luật Hợp tác xã'], // several laws by that name, and no date
      ['168/2025/NĐ-CP', null],
      ['31/2024/QH15', 'Luật Đất đai'],
    ]);
  });
  it('a name covering several laws with no date is ambiguous, never guessed', () => {
    const c = one('thực hiện Luật Tổ chức chính quyền địa phương');
    expect(c.ambiguous?.reason).toBe('several-laws');
    expect(c.ambiguous?.candidates).toContain('77/2015/QH13');
  });
  it('Hiến pháp and Điều lệ Đảng', () => {
    expect(cites('tuân thủ Hiến pháp năm 2013 và Điều lệ Đảng').map((c) => c.key)).toEqual(['Hiến pháp@2013', 'Điều lệ Đảng']);
  });
  it('old and new tone placement resolve to one locality key', () => {
    expect(canonicalVi('Tỉnh uỷ Khánh Hoà')).toBe('Tỉnh ủy Khánh Hòa');
  });
  it('a tone put on the first vowel of a closed "oa" (old typing tools) is one key with the right spelling', () => {
    expect(canonicalVi('Luật An tòan thông tin mạng, Kế họach, ngòai')).toBe('Luật An toàn thông tin mạng, Kế hoạch, ngoài');
    expect(canonicalVi('hoà bình, khoẻ')).toBe('hòa bình, khỏe');
    const keys = (t: string) => cites(t).map((c) => c.key);
    expect(keys('Căn cứ Luật An tòan thông tin mạng năm 2015;')).toEqual(keys('Căn cứ Luật An toàn thông tin mạng năm 2015;'));
  });
  it("the plan's own number with another body's name is that body's plan, not the plan itself", () => {
    const plan = (line: string) =>
      extract({ file: 'p.txt', text: `ỦY BAN NHÂN DÂN\nXÃ CHƯ DON\nSố: 10/KH-UBND\nKẾ HOẠCH\nCông tác năm 2017\n${line}\nI. MỤC ĐÍCH\n` }).citations.map((c) => c.symbol);
    expect(plan('Thực hiện Kế hoạch số 10/KH-UBND của UBND tỉnh;')).toEqual(['10/KH-UBND']);
    expect(plan('Thực hiện Kế hoạch số 10/KH-UBND của Ủy ban nhân dân xã;')).toEqual([]);
    expect(plan('Kế hoạch số 10/KH-UBND được gửi các thôn.')).toEqual([]);
  });
  it('not citations: standards, dates, forms, the plan itself', () => {
    expect(cites('theo tiêu chuẩn TCVN ISO 9001:2015 ngày 12/12/2013, Mẫu số 01/BC-UBND, giai đoạn 2021-2025; Kế hoạch này')).toEqual([]);
    // tax forms, however written; an old dash-only number counts only after its kind ("Quyết định số 87-CT" of 1985)
    expect(cites('(Kèm theo tờ khai mẫu số <01-ĐK-TCT> hoặc <08-MST>); địa chỉ trên tờ khai 01-ĐK-TCT')).toEqual([]);
    expect(cites('theo Quyết định số 87-CT ngày 01 tháng 3 năm 1985 của Chủ tịch Hội đồng Bộ trưởng').map((c) => c.symbol)).toEqual(['87-CT']);
  });
  it('stated relations between third documents', () => {
    const x = extract({ file: 's.txt', text: 'Thông tư số 01/2016/TT-BNV ngày 13/01/2016 của Bộ Nội vụ hướng dẫn một số nội dung của Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.' });
    expect(x.statedRelations.map((r) => `${r.from} ${r.relation} ${r.to}`)).toEqual(['01/2016/TT-BNV guides 04/2015/NĐ-CP', '01-KL/TW continues 05-CT/TW']);
  });
  it('"quy định chi tiết (và hướng dẫn thi hành) (một số điều) của" a law guides it', () => {
    const stated = (text: string) => extract({ file: 's.txt', text }).statedRelations.map((r) => `${r.fromKey} ${r.relation} ${r.toKey}`);
    expect(stated('Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;')).toEqual(['59/2023/NĐ-CP guides 10/2022/QH15']);
    expect(stated('Căn cứ Nghị định số 145/2020/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động năm 2019;')).toEqual(['145/2020/NĐ-CP guides 45/2019/QH14']);
    expect(stated('Căn cứ Nghị định số 12/2022/NĐ-CP quy định chi tiết Luật Dân quân tự vệ;')).toEqual(['12/2022/NĐ-CP guides 48/2019/QH14']);
  });
  it('a plan "về triển khai thi hành" a law implements it', () => {
    const x = extract({ file: 's.txt', text: 'Thực hiện Kế hoạch số 120/KH-UBND ngày 10/01/2024 của UBND tỉnh Tiền Giang về triển khai thi hành Luật Thực hiện dân chủ ở cơ sở;' });
    expect(x.statedRelations.map((r) => `${r.fromKey} ${r.relation} ${r.toKey}`)).toEqual(['120/KH-UBND@2024@Tiền Giang implements 10/2022/QH15']);
  });
  it('a defined alias becomes a back-reference', () => {
    const c = one('Thực hiện Kế hoạch số 49-KH/BDVHU-UBND ngày 03/02/2023 của Ban Dân vận Huyện ủy (sau đây gọi tắt là Kế hoạch 49). Các đơn vị triển khai Kế hoạch 49 đúng hạn.');
    expect(c.mentions.map((m) => m.form)).toEqual(['symbol', 'back-reference']);
  });
  it('a kind and a bare number ("Chỉ thị 18") is a back-reference when one cited document has that kind and number', () => {
    const refs = (text: string) =>
      extract({ file: 't.txt', text }).citations.flatMap((c) => c.mentions.filter((m) => m.form === 'back-reference').map((m) => [c.key, text.slice(m.start, m.end)]));
    const cited = 'Thực hiện Chỉ thị số 18-CT/TW ngày 26/10/2022 của Ban Bí thư và Kế hoạch số 5-KH/TU ngày 02/01/2023 (sau đây gọi tắt là Kế hoạch 5). ';
    expect(refs(`${cited}Quán triệt Chỉ thị 18 và Kế hoạch 5 đến đảng viên; xây dựng Kế hoạch 5 năm; Nghị quyết 18 của Đảng ủy.`)).toEqual([
      ['18-CT/TW@XIII', 'Chỉ thị 18'],
      ['5-KH/TU@2023@?', 'Kế hoạch 5'],
    ]);
    // a heading over a numbered list is not one, nor are two documents of one kind and number
    expect(refs(`${cited}\nCHỈ THỊ\n18. Nội dung`)).toEqual([]);
    expect(refs('theo Chỉ thị số 18-CT/TW ngày 26/10/2022 và Chỉ thị số 18/CT-TTg ngày 10/5/2023; thực hiện Chỉ thị 18')).toEqual([]);
  });
  it('an alias names the nearest document of its kind and number, past another document cited in between', () => {
    const x = cites('Thực hiện Kế hoạch số 65-KH/HU ngày 20/3/2022 của Ban Thường vụ Huyện ủy về triển khai thực hiện Chỉ thị số 18-CT/TW ngày 26/10/2022 của Ban Bí thư (sau đây gọi tắt là Kế hoạch 65). Quán triệt Kế hoạch 65 đến cán bộ.');
    expect(x.map((c) => [c.symbol, c.mentions.map((m) => m.form)])).toEqual([
      ['65-KH/HU', ['symbol', 'back-reference']],
      ['18-CT/TW', ['symbol']],
    ]);
  });
});

describe('limits', () => {
  it('stops reading after maxMentions mentions and says where, with a warning', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Quyết định số ${i + 1}/QĐ-UBND ngày 01/02/2020 của UBND tỉnh Trà Vinh;`).join('\n');
    const x = extract({ file: 'many.txt', text }, { maxMentions: 20 });
    expect(x.citations).toHaveLength(20);
    expect(x.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'too-many-mentions' }));
    expect(extract({ file: 'many.txt', text }).citations).toHaveLength(50);
  });
});

describe('header', () => {
  it('writes UBND and HĐND in full, keeps other abbreviations in capitals and proper names capitalised when it sentence-cases a header body', () => {
    const issuer = (head: string) => extract({ file: 't.txt', text: `${head}\nSố: 20/KH-UBND\nKẾ HOẠCH\nvề công tác dân vận\n` }).header.issuer;
    expect(issuer('UBND HUYỆN CẦU NGANG')).toBe('Ủy ban nhân dân huyện Cầu Ngang');
    expect(issuer('ỦY BAN MTTQ VIỆT NAM\nTỈNH TRÀ VINH')).toBe('Ủy ban MTTQ Việt Nam tỉnh Trà Vinh');
    expect(issuer('UBND TỈNH TRÀ VINH\nSỞ NỘI VỤ')).toBe('Sở Nội vụ tỉnh Trà Vinh');
    expect(issuer('BAN CHẤP HÀNH ĐẢNG BỘ\nXÃ TAM DÂN')).toBe('Ban Chấp hành Đảng bộ xã Tam Dân');
  });
  it('a ministry keeps the capitals of its name, written once, and names no commune ("và Xã hội")', () => {
    const head = 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nBỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 01/2025/TT-BLĐTBXH\nHà Nội, ngày 10 tháng 01 năm 2025\nTHÔNG TƯ\nQuy định mức điều chỉnh tiền lương\n';
    expect(extract({ file: 'm.txt', text: head }).header).toMatchObject({ issuer: 'Bộ Lao động - Thương binh và Xã hội', commune: null, level: 'trung ương' });
    const joint = 'BỘ CÔNG AN - BỘ QUỐC PHÒNG\nSố: 01/2022/TTLT-BCA-BQP\nTHÔNG TƯ LIÊN TỊCH\nHướng dẫn thi hành\n';
    expect(extract({ file: 'j.txt', text: joint }).header.issuer).toBe('Bộ Công an - Bộ Quốc phòng');
  });
  it('the body that "xây dựng Kế hoạch" names is read over a line break, in any tone placement, and a basis clause before "ban hành" is not one', () => {
    const issuer = (preamble: string) => extract({ file: 't.txt', text: `Số: 30/KH-UBND\nKẾ HOẠCH\nCông tác dân vận năm 2022\n${preamble}\nI. MỤC ĐÍCH\n` }).header.issuer;
    expect(issuer('Thực hiện Công văn số 692/UBND-NC ngày 24/02/2022 của Ủy ban nhân dân tỉnh;\nỦy ban nhân dân\nhuyện Cầu Ngang xây\ndựng Kế họach như sau:')).toBe('Ủy ban nhân dân huyện Cầu Ngang');
    expect(issuer('Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ\nban hành quy chế làm việc của Chính phủ;')).toBeNull();
  });
  it('a preamble line that goes on a wrapped sentence opens no clause; "Theo đề nghị" closes the basis clauses', () => {
    const x = extract({
      file: 'c.txt',
      text: 'NGHỊ ĐỊNH\nQuy định chi tiết Luật Y\nCăn cứ Công văn số 1290/BTP-PBGDPL ngày 17/6/2017 của Bộ Tư pháp hướng dẫn\nthực hiện Quyết định số 303/QĐ-TTg ngày 26/01/2017 của Thủ tướng Chính phủ;\nTheo đề nghị của Bộ trưởng Bộ Y tế tại Tờ trình số 609/TTr-BYT ngày 02/3/2026;\nChính phủ ban hành Nghị định.\nĐiều 1. Phạm vi\n',
    });
    expect(x.citations.map((c) => [c.symbol, c.relation])).toEqual([['1290/BTP-PBGDPL', 'based_on'], ['303/QĐ-TTg', 'based_on'], ['609/TTr-BYT', 'cites']]);
  });
  it('a title wrapped over many lines is read whole, with the documents it names', () => {
    const title = 'Sửa đổi, bổ sung một số điều của Thông tư số 152/2016/TT-BTC ngày 17 tháng 10 năm 2016 của\nBộ trưởng Bộ Tài chính quy định quản lý và sử dụng kinh phí hỗ trợ đào tạo trình độ sơ cấp và\nđào tạo dưới 03 tháng đã được sửa đổi, bổ sung một số điều theo Thông tư số 40/2019/TT-BTC ngày\n28 tháng 6 năm 2019 và Thông tư số 43/2023/TT-BTC ngày 27 tháng 6 năm 2023 của Bộ trưởng Bộ\nTài chính';
    const x = extract({ file: 't.txt', text: `THÔNG TƯ\n${title}\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n` });
    expect(x.header.title).toBe(title.replaceAll('\n', ' '));
    expect(x.citations.filter((c) => c.symbol?.includes('TT-BTC')).map((c) => [c.symbol, c.relation])).toEqual([
      ['152/2016/TT-BTC', 'implements'], ['40/2019/TT-BTC', 'implements'], ['43/2023/TT-BTC', 'implements'],
    ]);
    // the same title in a narrow column: 9 lines
    const narrow = title.replaceAll('\n', ' ').replace(/(.{40,48}?) (?=\S)/g, '$1\n');
    expect(narrow.split('\n')).toHaveLength(9);
    const y = extract({ file: 't.txt', text: `THÔNG TƯ\n${narrow}\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n` });
    expect(y.header.title).toBe(title.replaceAll('\n', ' '));
    expect(y.citations.find((c) => c.symbol === '43/2023/TT-BTC')?.relation).toBe('implements');
  });
  it('a kind line with its tone misplaced ("KẾ HỌACH") is still the kind line: the title and its implements cue stay', () => {
    const x = extract({ file: 'k.txt', text: 'Số: 30/KH-UBND\nKẾ HỌACH\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ\nI. MỤC ĐÍCH\n' });
    expect(x.header).toMatchObject({ kind: 'Kế hoạch', title: 'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ' });
    expect(x.citations.map((c) => [c.key, c.relation])).toEqual([['33/CT-TTg@2021', 'implements']]);
  });
  it('reads the place and date when the two header columns were flattened onto the "Số:" line', () => {
    const x = extract({ file: 'h.txt', text: 'UỶ BAN NHÂN DÂN                     CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH SƠN LA          Độc lập - Tự do - Hạnh phúc\n\nSố: 01/KH-UBND      Sơn La, ngày 14 tháng 2 năm 2017\n\nKẾ HOẠCH\n\nTriển khai công tác dân vận năm 2017\n\nUỷ ban nhân dân tỉnh Sơn La ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n' });
    expect(x.header).toMatchObject({ symbol: '01/KH-UBND', place: 'Sơn La', date: '2017-02-14', key: '1/KH-UBND@2017@Sơn La' });
    expect(x.citations).toEqual([]);
  });
  it('a province named through its Party committee ("Tỉnh ủy Cà Mau") is the plan\'s province', () => {
    const x = extract({ file: 'p.txt', text: 'ĐẢNG BỘ HUYỆN THỚI BÌNH\nĐẢNG ỦY XÃ TÂN LỘC\nSố 45-KH/ĐU\nTân Lộc, ngày 12 tháng 01 năm 2024\nKẾ HOẠCH\nvề công tác dân vận\n1. Quán triệt Chỉ thị số 15-CT/TU ngày 10/10/2023 của Ban Thường vụ Tỉnh ủy Cà Mau.\n' });
    expect(x.header).toMatchObject({ province: 'Cà Mau', district: 'Thới Bình', commune: 'Tân Lộc', key: '45-KH/ĐU@2024@Cà Mau/Thới Bình/Tân Lộc' });
  });
  it('a title goes on past a line that cannot end it (a symbol broken at its dash, "của", "ngày"), never into the preamble', () => {
    const head = 'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 150/KH-UBND\nKẾ HOẠCH\n';
    const title = (body: string) => extract({ file: 't.txt', text: head + body }).header.title;
    expect(title('Thực hiện Nghị quyết liên tịch số 09/2008/NQLT-CP-\nUBTWMTTQVN ngày 17/4/2008 của\nChính phủ\nCăn cứ Luật Tổ chức chính quyền địa phương;')).toBe(
      'Thực hiện Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008 của Chính phủ',
    );
    expect(title('Quy định chi tiết một số điều và biện pháp\nhướng dẫn thi hành Luật Dân số\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;')).toBe(
      'Quy định chi tiết một số điều và biện pháp hướng dẫn thi hành Luật Dân số',
    );
  });
  it('a department the header names with no place of its own is its superior\'s, named in full with it', () => {
    const header = (head: string) => extract({ file: 'h.txt', text: `${head}\nSố: 15/KH-X\nCầu Ngang, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\nCông tác dân vận năm 2024\n` }).header;
    expect(header('HUYỆN ỦY CẦU NGANG\nBAN DÂN VẬN\n*')).toMatchObject({ issuer: 'Ban Dân vận Huyện ủy Cầu Ngang', level: 'huyện', district: 'Cầu Ngang', key: '15/KH-X@2024@Trà Vinh/Cầu Ngang' });
    expect(header('TỈNH ỦY TRÀ VINH\nBAN TUYÊN GIÁO\n*')).toMatchObject({ issuer: 'Ban Tuyên giáo Tỉnh ủy Trà Vinh', level: 'tỉnh', province: 'Trà Vinh' });
    expect(header('UBND HUYỆN CẦU NGANG\nPHÒNG NỘI VỤ')).toMatchObject({ issuer: 'Phòng Nội vụ huyện Cầu Ngang', level: 'huyện' });
    // three lines: the committee, its unit, the department
    expect(header('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSỞ NỘI VỤ')).toMatchObject({ issuer: 'Sở Nội vụ tỉnh Quảng Ngãi', level: 'tỉnh', province: 'Quảng Ngãi' });
    expect(header('UBND TỈNH TRÀ VINH\nVĂN PHÒNG')).toMatchObject({ issuer: 'Văn phòng Ủy ban nhân dân tỉnh Trà Vinh', key: '15/KH-X@2024@Trà Vinh' });
    // the Youth Union of a province ("Tỉnh đoàn"), in the header and cited; a commune named "Đoàn Kết" is not one
    expect(header('TỈNH ĐOÀN BẾN TRE\nBAN THƯỜNG VỤ\n***')).toMatchObject({ issuer: 'Ban Thường vụ Tỉnh đoàn Bến Tre', level: 'tỉnh', province: 'Bến Tre' });
    expect(one('Thực hiện Kế hoạch số 45-KH/TĐTN-TG ngày 12/3/2024 của Ban Thường vụ Tỉnh đoàn Bến Tre;').key).toBe('45-KH/TĐTN-TG@2024@Bến Tre');
    expect(header('ỦY BAN NHÂN DÂN\nXÃ ĐOÀN KẾT')).toMatchObject({ issuer: 'Ủy ban nhân dân xã Đoàn Kết', commune: 'Đoàn Kết' });
    // a body with a place of its own stays as it is
    expect(header('ĐẢNG BỘ HUYỆN CẦU NGANG\nĐẢNG ỦY XÃ HIỆP MỸ TÂY\n*')).toMatchObject({ issuer: 'Đảng ủy xã Hiệp Mỹ Tây', commune: 'Hiệp Mỹ Tây', district: 'Cầu Ngang' });
    // the gazette's section title over the document's own header, wrapped: the body once
    expect(header('BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nBỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI').issuer).toBe('Bộ Lao động - Thương binh và Xã hội');
  });
  it('reads an OCR-damaged header: "ƯBND" for UBND, "CỘNG HÕA", a kind line with its letters set apart ("K É HOẠCH")', () => {
    const x = extract({ file: 'o.txt', text: 'ƯBND TỈNH TRÀ VINH\nSố: 12/KH-ƯBND\nCỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTrà Vinh, ngày 3 tháng 3 năm 2023\nK É HOẠCH\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ\n' });
    expect(x.header).toMatchObject({ kind: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh Trà Vinh', key: '12/KH-UBND@2023@Trà Vinh', title: 'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ' });
    expect(x.citations.map((c) => [c.key, c.relation])).toEqual([['33/CT-TTg@2021', 'implements']]);
    expect(extract({ file: 'k.txt', text: 'BỘ CHÍNH TRỊ\nSố 01-KL/TW\nK ÉT LUẬN\nvề tiếp tục thực hiện Chỉ thị số 05-CT/TW\n' }).header.kind).toBe('Kết luận');
  });
  it('a plan headed "1. MỤC ĐÍCH, YÊU CẦU" or "A. MỤC ĐÍCH" (no Roman numerals) has its sections and its purpose section', () => {
    const plan = (one: string, two: string, sub: string) =>
      extract({ file: 'n.txt', text: `ỦY BAN NHÂN DÂN\nXÃ HÒA PHONG\nSố: 12/KH-UBND\nKẾ HOẠCH\nCông tác dân vận năm 2024\n${one}. MỤC ĐÍCH, YÊU CẦU\n${sub}\n- Thực hiện có hiệu quả Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.\n${two}. NỘI DUNG\n- Thực hiện tốt Quyết định số 23-QĐ/TW ngày 30/7/2021.\n` }).citations.map((c) => [c.key, c.relation, c.mentions[0].section]);
    expect(plan('1', '2', 'a) Mục đích')).toEqual([['33/CT-TTg@2021', 'implements', '1'], ['23-QĐ/TW@XIII', 'cites', '2']]);
    expect(plan('A', 'B', '1. Mục đích')).toEqual([['33/CT-TTg@2021', 'implements', 'A.1'], ['23-QĐ/TW@XIII', 'cites', 'B']]);
  });
  it('headings numbered with a slash: "I/ MỤC ĐÍCH", "1/ Mục đích", "a/ …"; "V/V …" (về việc) is none, nor a date', () => {
    const x = extract({
      file: 's.txt',
      text: 'KẾ HOẠCH\nCông tác dân vận năm 2024\nI/ MỤC ĐÍCH, YÊU CẦU\n1/ Mục đích\na/ Thực hiện có hiệu quả Chỉ thị số 33/CT-TTg ngày 26/11/2021.\nII/ NỘI DUNG\nV/V TRIỂN KHAI Quyết định số 23-QĐ/TW ngày 30/7/2021\n1/3/2024 Kết luận số 01-KL/TW ngày 18/5/2021\n',
    });
    expect(x.citations.map((c) => [c.key, c.relation, c.mentions[0].section])).toEqual([
      ['33/CT-TTg@2021', 'implements', 'I.1.a'],
      ['23-QĐ/TW@XIII', 'cites', 'II'],
      ['1-KL/TW@XIII', 'cites', 'II'],
    ]);
  });
  it("a consolidated text's own number and date are in its certification at the end; it does not cite itself", () => {
    const x = extract({
      file: 'v.txt',
      text: 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nTHÔNG TƯ\nHướng dẫn quản lý lao động\nThông tư số 28/2016/TT-BLĐTBXH ngày 01 tháng 9 năm 2016, được sửa đổi, bổ sung bởi:\nĐiều 1. Phạm vi\nTheo Luật Doanh nghiệp.\nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nXÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 462/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02 năm 2025\n',
    });
    expect(x.header).toMatchObject({ symbol: '462/VBHN-BLĐTBXH', kind: 'Văn bản hợp nhất', date: '2025-02-10', key: '462/VBHN-BLĐTBXH@2025' });
    expect(x.citations.map((c) => c.key)).not.toContain('462/VBHN-BLĐTBXH@?');
    // the consolidation's date does not pick the law in force when the text it consolidates was written
    expect(x.citations.find((c) => c.name === 'Luật Doanh nghiệp')?.ambiguous?.reason).toBe('several-laws');
  });
  it('a numbered ward or district is a place ("Phường 5, ngày …")', () => {
    const x = extract({ file: 'p.txt', text: 'ỦY BAN NHÂN DÂN\nPHƯỜNG 5\nSố: 12/KH-UBND\nPhường 5, ngày 03 tháng 4 năm 2024\nKẾ HOẠCH\nCông tác dân vận năm 2024\n' });
    expect(x.header).toMatchObject({ place: 'Phường 5', date: '2024-04-03', commune: '5' });
  });
  it('a superscript footnote mark closes a symbol ("23-QĐ/TW¹")', () => {
    expect(cites('Thực hiện tốt Quyết định số 23-QĐ/TW¹ và Kết luận số 114-KL/TW². ¹ Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị.').map((c) => [c.key, c.mentions.length])).toEqual([
      ['23-QĐ/TW@XIII', 2],
      ['114-KL/TW@?', 1],
    ]);
  });
  it('a title line ending in a verb that wants its object goes on into the line naming the document, not past a blank line', () => {
    const head = 'ỦY BAN NHÂN DÂN\nXÃ HÒA PHONG\nSố: 12/KH-UBND\nKẾ HOẠCH\n';
    const plan = (body: string) => extract({ file: 't.txt', text: head + body });
    const x = plan('Triển khai thi hành\nLuật Thực hiện dân chủ ở cơ sở\ntrên địa bàn xã năm 2024\nỦy ban nhân dân xã ban hành Kế hoạch như sau:\nII. NỘI DUNG\nTuyên truyền Luật Thực hiện dân chủ ở cơ sở.\n');
    expect(x.header.title).toBe('Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn xã năm 2024');
    expect(x.citations.map((c) => [c.key, c.relation])).toEqual([['10/2022/QH15', 'implements']]);
    expect(plan('Tổng kết 10 năm thực hiện\nChỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị\nI. MỤC ĐÍCH\n').header.title).toBe(
      'Tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị',
    );
    // a consolidated text: its title, a blank line, then the text it consolidates
    expect(plan('Quy định về việc xác định mức độ khuyết tật do Hội đồng thực hiện\n\nThông tư số 01/2019/TT-BLĐTBXH ngày 02 tháng 01 năm 2019 của Bộ trưởng, được sửa đổi, bổ sung bởi:\n').header.title).toBe(
      'Quy định về việc xác định mức độ khuyết tật do Hội đồng thực hiện',
    );
    // double-spaced text (a PDF extraction, as the seeds are): one blank line between two lines ends nothing, two do
    const spaced = ' KẾ HOẠCH \n\nTriển khai thi hành \n\nLuật Thực hiện dân chủ ở cơ sở \n \n\n \n\nThực hiện Kế hoạch số 120/KH-UBND ngày 10/01/2024 của UBND huyện; \n\nI. MỤC ĐÍCH \n\n1. Tuyên truyền \n\n';
    expect(extract({ file: 'd.txt', text: spaced }).header.title).toBe('Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở');
    // a parenthesis in lower case, and the ministry's name broken at its dash, go on a title
    expect(plan('Sửa đổi Nghị định số 100/2024/NĐ-CP về nhà ở xã hội\n(đã được sửa đổi tại Nghị định số 261/2025/NĐ-CP)\nCăn cứ Luật Nhà ở;\n').header.title).toBe(
      'Sửa đổi Nghị định số 100/2024/NĐ-CP về nhà ở xã hội (đã được sửa đổi tại Nghị định số 261/2025/NĐ-CP)',
    );
    expect(plan('Sửa đổi Thông tư số 26/2016/TT-BLĐTBXH của Bộ trưởng Bộ Lao động\n- Thương binh và Xã hội hướng dẫn tiền lương\nCăn cứ Luật Lao động;\n').header.title).toBe(
      'Sửa đổi Thông tư số 26/2016/TT-BLĐTBXH của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn tiền lương',
    );
    // a title that ends in a noun does not take the next line
    expect(plan('Công tác dân vận năm 2024\nChỉ thị số 05-CT/TW được quán triệt.\n').header.title).toBe('Công tác dân vận năm 2024');
  });
  it('reads a plan written without diacritics: its kind line, number, place and date, and issuers that end at the next clause', () => {
    const x = extract({
      file: 'a.txt',
      text: 'UY BAN NHAN DAN\nHUYEN CAU NGANG\nSo: 30/KH-UBND\nCau Ngang, ngay 10 thang 3 nam 2022\nKE HOACH\nTang cuong cong tac dan van theo Chi thi so 33/CT-TTg ngay 26/11/2021 cua Thu tuong Chinh phu\nCan cu Quyet dinh so 217-QD/TW ngay 12/12/2013 cua Bo Chinh tri;\n',
    });
    expect(x.header).toMatchObject({ kind: 'Kế hoạch', symbol: '30/KH-UBND', place: 'Cau Ngang', date: '2022-03-10' });
    expect(x.citations.map((c) => [c.key, c.issuer, c.relation])).toEqual([
      ['33/CT-TTg@2021', 'Thu tuong Chinh phu', 'implements'],
      ['217-QĐ/TW@XI', 'Bo Chinh tri', 'based_on'],
    ]);
  });
  it("a commune plan's district is the one the text names that has a commune of that name (xã Tân Minh is in Sóc Sơn and in Thường Tín)", () => {
    const plan = (date: string) =>
      extract({
        file: 'x.txt',
        text: `ỦY BAN NHÂN DÂN\nXÃ TÂN MINH\nSố: 12/KH-UBND\nTân Minh, ngày ${date}\nKẾ HOẠCH\nCông tác dân vận\nThực hiện Kế hoạch số 25/KH-UBND ngày 01/3/2023 của UBND huyện Sóc Sơn và Kế hoạch số 30/KH-UBND ngày 2/2/2023 của UBND thành phố Hà Nội;\n1. Thực hiện Công văn số 11/UBND-NC ngày 3/3/2023 của UBND huyện.\n`,
      });
    const x = plan('5 tháng 3 năm 2023');
    expect(x.header).toMatchObject({ province: 'Hà Nội', district: 'Sóc Sơn', key: '12/KH-UBND@2023@Hà Nội/Sóc Sơn/Tân Minh' });
    expect(x.citations.map((c) => c.key)).toContain('11/UBND-NC@2023@Hà Nội/Sóc Sơn');
    // after the 2025 reform a commune has no district
    expect(plan('5 tháng 9 năm 2025').header.district).toBeNull();
  });
  it('reads a Markdown header table, its cells and <br> line breaks, as the header lines they show', () => {
    const text = [
      '| ỦY BAN NHÂN DÂN<br>HUYỆN CẦU NGANG<br>------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |',
      '|---|---|',
      '| Số: 27/KH-UBND | *Cầu Ngang, ngày 14 tháng 02 năm 2022* |',
      '',
      '# KẾ HOẠCH',
      '',
      '**Triển khai công tác dân vận năm 2022**',
      '',
      'Thực hiện Kế hoạch số 15/KH-UBND ngày 05/01/2022 của UBND tỉnh Trà Vinh;',
    ].join('\n');
    const x = extract({ file: 'h.md', text });
    expect(x.header).toMatchObject({ symbol: '27/KH-UBND', place: 'Cầu Ngang', date: '2022-02-14', issuer: 'Ủy ban nhân dân huyện Cầu Ngang', key: '27/KH-UBND@2022@Trà Vinh/Cầu Ngang' });
    expect(x.citations.map((c) => [c.key, c.relation])).toEqual([['15/KH-UBND@2022@Trà Vinh', 'implements']]);
  });
});

describe('properties', () => {
  const pieces = ['Quyết định số ', '217-QĐ/TW', ' ngày 12/12/2013', ' của Bộ Chính trị', '\n\n', '-\n', ' và ', 'Luật Viên chức', 'Căn cứ ', 'I. NỘI DUNG\n', '1. ', '33/CT-TTg', 'uỷ', 'hoà', 'Nghi\u0323 đi\u0323nh', '*', '#', ';', '.', '(khóa XI)', '\u00a0', '04/2015/NĐ-CP', 'O4 /2015/ND-CP'];
  const messy = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(''));
  it('never throws, and every mention lies inside the text and holds its number', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const x = extract({ file: 'p.txt', text });
        for (const c of x.citations) {
          for (const m of c.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.start).toBeLessThan(m.end);
            if (m.form === 'symbol' && c.symbol) {
              const num = c.symbol.match(/^\d+/)![0];
              // an "O" read for a leading zero ("O4 /2015/ND-CP") is written "04" in the symbol, and
              // Markdown emphasis vanishes in cleaning ("**217**-QĐ/TW"), so "0*217" reads "0217"
              expect(text.slice(m.start, m.end).replace(/O(?=\d)/g, '0').replace(/\*/g, '')).toContain(num);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });
  it('a symbol found in clean text is found at the same place when mutated by line breaks and NFD', () => {
    fc.assert(
      fc.property(fc.constantFrom('217-QĐ/TW', '33/CT-TTg', '04/2015/NĐ-CP', '1631/QĐ-UBND-HC'), fc.constantFrom('', '\n\n', ' '), (sym, brk) => {
        const broken = sym.replace(/-/, `-${brk}`);
        const text = `Căn cứ Quyết định số ${broken} ngày 12/12/2013 của Bộ Chính trị;`.normalize('NFD');
        const c = cites(text);
        expect(c.map((x) => x.symbol)).toEqual([sym]);
        expect(c[0].relation).toBe('based_on');
      }),
    );
  });
});

describe('back-references: matchAny', () => {
  /** The definition: one alternation of the phrases, words joined by runs of " ", "\n", ",". */
  const byRegex = (text: string, phrases: { phrase: string; tag: number }[]) => {
    const source = (p: string) => p.split(' ').join('[ \\n,]+');
    const re = new RegExp(`(?<![a-z0-9])(?:${phrases.map((p) => `(${source(p.phrase)})`).join('|')})(?![a-z0-9])`, 'g');
    return [...text.matchAll(re)].map((m) => ({ tag: phrases[m.findIndex((v, i) => i > 0 && v !== undefined) - 1].tag, start: m.index, end: m.index + m[0].length }));
  };
  const word = fc.constantFrom('ke', 'hoach', 'ke hoach', 've', 'cua', 'uy', 'ban', 'nhan', 'dan', 'tinh', 'a', 'an', '33', 'veve');
  const sep = fc.constantFrom(' ', '\n', ',', ', ', ' ,\n', '.', '', 'x', '-');
  const text = fc.array(fc.tuple(word, sep), { maxLength: 40 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
  const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

  it('finds what one alternation regex of the phrases finds, in the same order, with the same phrase winning', () => {
    fc.assert(
      fc.property(text, fc.array(phrase, { minLength: 1, maxLength: 6 }), (t, ps) => {
        const phrases = ps.map((p, tag) => ({ phrase: p, tag }));
        expect(matchAny(t, phrases)).toEqual(byRegex(t, phrases));
      }),
      { numRuns: 2000 },
    );
  });
});

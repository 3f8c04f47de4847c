/**
 * Simple, varied, well-formed plans for load and crash tests: a few province plans
 * carry out central directives, and every later (district) plan carries out a random
 * earlier plan, so IMPLEMENTS chains of varying depth form. Each plan also has a
 * "Căn cứ" basis and body citations, in both date forms. Deterministic per seed.
 */

const DIRECTIVES = [
  'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ',
  'Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ',
  'Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị',
  'Nghị quyết số 25-NQ/TW ngày 03 tháng 6 năm 2013 của Ban Chấp hành Trung ương',
];
const BASES = [
  'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
  'Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị',
  'Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ',
  'Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội',
];
const DISTRICTS = ['Cầu Kè', 'Cầu Ngang', 'Châu Thành', 'Tiểu Cần', 'Trà Cú', 'Duyên Hải', 'Càng Long', 'Dương Minh Châu'];
const PROVINCES = ['Trà Vinh', 'Tây Ninh', 'Bến Tre', 'Long An', 'Đồng Tháp', 'An Giang', 'Vĩnh Long'];
const TASKS = [
  'Quán triệt sâu sắc các nội dung của kế hoạch đến cán bộ, công chức, viên chức.',
  'Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.',
  'Tăng cường công tác kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở.',
  'Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.',
];

export interface VariedPlan {
  file: string;
  text: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function body(pick: <T>(xs: T[]) => T, paragraphs: number): string {
  const out: string[] = [];
  for (let i = 1; i <= paragraphs; i++) out.push(`${i}. ${pick(TASKS)} ${pick(TASKS)}`);
  return out.join('\n');
}

/** `n` plans, each with its own symbol (number 100 + i). */
export function* variedPlans(n: number, seed = 1): Generator<VariedPlan> {
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const year = 2022;
  const parents: string[] = [];
  for (let i = 0; i < n; i++) {
    const number = 100 + i;
    const province = PROVINCES[i % PROVINCES.length];
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const parent = i >= PROVINCES.length && parents.length ? parents[Math.floor(random() * parents.length)] : null;
    const district = DISTRICTS[i % DISTRICTS.length];
    const issuer = parent ? `Ủy ban nhân dân huyện ${district}` : `Ủy ban nhân dân tỉnh ${province}`;
    const own = `Kế hoạch số ${number}/KH-UBND ngày ${day}/${month}/${year} của ${issuer}`;
    const implementsWhat = parent ?? pick(DIRECTIVES);
    const text = [
      `ỦY BAN NHÂN DÂN\n${parent ? `HUYỆN ${district}` : `TỈNH ${province}`}`.toUpperCase(),
      `Số: ${number}/KH-UBND`,
      `${parent ? district : province}, ngày ${day} tháng ${month} năm ${year}`,
      'KẾ HOẠCH',
      `Thực hiện công tác dân vận năm ${year}`,
      `Căn cứ ${pick(BASES)};`,
      `Thực hiện ${implementsWhat}, ${issuer} xây dựng Kế hoạch như sau:`,
      'I. MỤC ĐÍCH, YÊU CẦU',
      body(pick, 2 + Math.floor(random() * 4)),
      'II. NỘI DUNG THỰC HIỆN',
      body(pick, 3 + Math.floor(random() * 8)),
      `Tiếp tục thực hiện tốt ${pick(DIRECTIVES)}.`,
      'III. TỔ CHỨC THỰC HIỆN',
      body(pick, 2),
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '',
    ].join('\n');
    parents.push(own);
    yield { file: `plan-${String(i).padStart(5, '0')}.txt`, text };
  }
}

/**
 * Relations the text states between two cited documents (neither is the citing
 * plan): "Kế hoạch số 16/KH-UBND … về triển khai thực hiện Chỉ thị số 33/CT-TTg" or "… về
 * triển khai thi hành Luật …" (implements), "Thông tư … hướng dẫn … Nghị định số 04/2015/NĐ-CP" (guides),
 * "Kết luận … về tiếp tục thực hiện Chỉ thị …" (continues), "sửa đổi, bổ sung"
 * (amends; also an amending law's name: "Luật sửa đổi, bổ sung một số điều của Luật A"),
 * "<numbered document> ban hành kèm theo Quyết định số …" (issues, reversed).
 */
import type { Cleaned } from './clean.ts';
import type { Found } from './find.ts';
import type { StatedRelationType } from './model.ts';

export interface RawStated {
  from: Found;
  to: Found;
  relation: StatedRelationType;
  start: number;
  end: number;
}

const PATTERNS: [RegExp, StatedRelationType, boolean][] = [
  [/^(?:ve (?:viec )?)?tiep tuc (?:trien khai )?thuc hien$/, 'continues', false],
  [/^(?:ve (?:viec )?)?(?:ban hanh (?:ke hoach|chuong trinh) )?(?:to chuc )?(?:trien khai,? )?(?:thuc hien|trien khai|thi hanh)$/, 'implements', false],
  [/^(?:ve (?:viec )?)?huong dan(?: (?:thi hanh|chi tiet|thuc hien))?(?: (?:mot so (?:noi dung|dieu)(?: va bien phap thi hanh)?))?(?: cua)?$/, 'guides', false],
  // "quy định chi tiết (một số điều) (và biện pháp / hướng dẫn thi hành) (của)"
  [/^(?:ve (?:viec )?)?quy dinh chi tiet(?: va (?:bien phap|huong dan) (?:thi hanh|thuc hien))?(?: (?:mot so dieu|mot so noi dung|thi hanh))?(?: va (?:bien phap|huong dan) (?:thi hanh|thuc hien))?(?: cua)?$/, 'guides', false],
  [/^(?:ve (?:viec )?)?sua doi,? bo sung (?:mot so dieu (?:cua )?)?$/, 'amends', false],
  [/^(?:duoc )?ban hanh kem theo$/, 'issues', true],
];

export function findStated(c: Cleaned, found: Found[], sameSection: (a: number, b: number) => boolean): RawStated[] {
  const out: RawStated[] = [];
  // an amending law amends the laws its name lists
  for (const f of found) for (const to of f.amends ?? []) out.push({ from: f, to, relation: 'amends', start: f.start, end: to.coreEnd });
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i];
    const b = found[i + 1];
    if (b.start < a.trailerEnd || b.start - a.trailerEnd > 120 || !sameSection(a.start, b.start)) continue;
    // a new line that starts with a capital opens a new paragraph, not the same statement
    if (/\n[ ]*\p{Lu}/u.test(c.norm.slice(a.trailerEnd, b.start))) continue;
    const gap = c.fold.slice(a.trailerEnd, b.start).replace(/\s+/g, ' ').replace(/^[ ,]+|[ ,:]+$/g, '');
    for (const [re, relation, reversed] of PATTERNS) {
      if (!re.test(gap)) continue;
      const [from, to] = reversed ? [b, a] : [a, b];
      out.push({ from, to, relation, start: a.start, end: b.coreEnd });
      break;
    }
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { findProvince, loadAdminUnits } from '../graph/admin-units.ts';

describe('admin units', () => {
  const units = loadAdminUnits();
  const count = (snapshot: string, level: string) => units.filter((u) => u.snapshot === snapshot && u.level === level).length;

  it('loads both snapshots with PART_OF parents that exist', () => {
    expect(count('pre-2025', 'tỉnh')).toBe(63);
    expect(count('post-2025', 'tỉnh')).toBe(34);
    expect(count('post-2025', 'huyện')).toBe(0);
    expect(count('pre-2025', 'huyện')).toBeGreaterThan(600);
    expect(count('pre-2025', 'xã')).toBeGreaterThan(10_000);
    expect(count('post-2025', 'xã')).toBeGreaterThan(3_000);
    const ids = new Set(units.map((u) => u.id));
    expect(ids.size).toBe(units.length);
    expect(units.filter((u) => u.parent !== null && !ids.has(u.parent))).toEqual([]);
    expect(units.filter((u) => (u.level === 'tỉnh') !== (u.parent === null))).toEqual([]);
    const ward = units.find((u) => u.id === 'pre:01/001/00001')!;
    expect(ward).toMatchObject({ name: 'Phường Phúc Xá', level: 'xã', parent: 'pre:01/001' });
  });

  it('finds provinces by loosely written names', () => {
    expect(findProvince('Tây Ninh')?.id).toBe('post:80'); // merged with Long An, new code
    expect(findProvince('tỉnh Tây Ninh', 'pre-2025')?.id).toBe('pre:72');
    expect(findProvince('TINH TAY NINH', 'pre-2025')?.id).toBe('pre:72');
    expect(findProvince('TP. Hồ Chí Minh')?.name).toBe('Thành phố Hồ Chí Minh');
    expect(findProvince('Thành phố Hà Nội')?.id).toBe('post:01');
    // old and new tone placement
    expect(findProvince('Hoà Bình', 'pre-2025')?.name).toBe('Tỉnh Hòa Bình');
    expect(findProvince('Khánh Hoà')?.name).toBe('Tỉnh Khánh Hòa');
    // merged away in 2025: only the old snapshot has it
    expect(findProvince('Trà Vinh')?.snapshot).toBe('pre-2025');
    expect(findProvince('Trà Vinh', 'post-2025')).toBeNull();
    expect(findProvince('Atlantis')).toBeNull();
    expect(findProvince('')).toBeNull();
  });
});

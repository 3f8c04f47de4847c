/**
 * Encoders for the two legacy Vietnamese 8-bit encodings, used to build mojibake
 * fixtures from a real sentence. Built independently of ingest/read so the test
 * does not check the readers against their own tables.
 *
 * Each NFC letter is decomposed into base letter + vowel modifier + tone, then mapped.
 */

type Tone = 0 | 1 | 2 | 3 | 4 | 5; // none, grave, hook, tilde, acute, dot
const TONE_OF: Record<string, Tone> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const MOD_OF: Record<string, string> = { '\u0302': '^', '\u0306': '(', '\u031b': '+' };

function split(ch: string): { base: string; mod: string; tone: Tone } | null {
  if (ch === 'đ' || ch === 'Đ') return { base: ch, mod: '', tone: 0 };
  const d = ch.normalize('NFD');
  const base = d[0];
  if (!/[aeiouyAEIOUY]/.test(base)) return null;
  let mod = '';
  let tone: Tone = 0;
  for (const m of d.slice(1)) {
    if (MOD_OF[m]) mod = MOD_OF[m];
    else if (TONE_OF[m]) tone = TONE_OF[m];
    else return null;
  }
  return { base, mod, tone };
}

// TCVN3 (ABC): one byte per letter; rows are [none, grave, hook, tilde, acute, dot].
const TCVN3: Record<string, number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  'a(': [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  'a^': [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  'e^': [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  'o^': [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  'o+': [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  'u+': [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
const TCVN3_UPPER: Record<string, number> = { 'A(': 0xa1, 'A^': 0xa2, 'E^': 0xa3, 'O^': 0xa4, 'O+': 0xa5, 'U+': 0xa6 };

/** TCVN3 bytes of `s` (upper-case toned letters use the lower-case code, as .VnTimeH fonts do). */
export function encodeTcvn3(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const p = split(ch);
    if (!p) {
      out.push(...Buffer.from(ch, 'latin1'));
      continue;
    }
    if (p.base === 'đ') out.push(0xae);
    else if (p.base === 'Đ') out.push(0xa7);
    else if (p.tone === 0 && p.mod === '') out.push(p.base.charCodeAt(0));
    else if (p.tone === 0 && TCVN3_UPPER[p.base + p.mod]) out.push(TCVN3_UPPER[p.base + p.mod]);
    else out.push(TCVN3[p.base.toLowerCase() + p.mod][p.tone]);
  }
  return Buffer.from(out);
}

// VNI: base letter, then a modifier byte and/or a tone byte (Windows-1252 code points).
const VNI_TONE: Record<string, string[]> = {
  '': ['', 'ø', 'û', 'õ', 'ù', 'ï'],
  '^': ['â', 'à', 'å', 'ã', 'á', 'ä'],
  '(': ['ê', 'è', 'ú', 'ü', 'é', 'ë'],
};
const VNI_I = ['i', 'ì', 'æ', 'ó', 'í', 'ò'];

/** VNI bytes of `s`. */
export function encodeVni(s: string): Buffer {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const p = split(ch);
    if (!p) {
      out += ch;
      continue;
    }
    const upper = p.base !== p.base.toLowerCase();
    const up = (x: string) => (upper ? x.toUpperCase() : x);
    const base = p.base.toLowerCase();
    if (base === 'đ') out += up('ñ');
    else if (base === 'i') out += up(VNI_I[p.tone]);
    else if (base === 'y' && p.tone === 5) out += up('î');
    else if (p.mod === '+') out += up(base === 'o' ? 'ô' : 'ö') + up(VNI_TONE[''][p.tone]);
    else out += p.base + up(VNI_TONE[p.mod][p.tone]);
  }
  return Buffer.from(out, 'latin1');
}

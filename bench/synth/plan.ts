/**
 * Composing one plan: header block, title, "Căn cứ / Thực hiện" preamble, the
 * I–III sections padded to a realistic length, closing and signature; every
 * citation and stated relation recorded with its offsets as it is written.
 */
import type { Relation, StatedRelationType } from '../../ingest/model.ts';
import { FIXED, TOPICS, type CentralDocument } from './catalogue.ts';
import { AGENCIES, AGENCY_TASK, GIVEN, HEADINGS, MIDDLE, PURPOSE, REQUIREMENT, SCHEDULE, SURNAMES, TASK } from './phrases.ts';
import type { Rng } from './random.ts';
import { TextBuilder, randomLayout, writeDate } from './text.ts';
import type { Truth, TruthCitation, TruthHeader, TruthStated } from './truth.ts';
import type { Unit } from './units.ts';

export type PlanLevel = 'tỉnh' | 'huyện' | 'xã';

/** A plan as other plans cite it. */
export interface PlanDocument extends CentralDocument {
  level: PlanLevel;
  unit: Unit;
  year: number;
  number: number;
}

export interface PlanContext {
  rng: Rng;
  topic: number;
  self: PlanDocument;
  /** The plan this one implements (province plan for a district, district plan for a commune…); null for provinces. */
  parent: PlanDocument | null;
  /** The province plan above a pre-reform commune's district plan. */
  grandparent: PlanDocument | null;
  /** Same unit, same topic, an earlier campaign. */
  previous: PlanDocument | null;
  root: CentralDocument;
  guidance: CentralDocument;
  /** The provincial Party committee's document on the topic. */
  partyLocal: CentralDocument;
  /** Characters to aim for. */
  targetLength: number;
}

const RANK: Record<Relation, number> = { based_on: 3, implements: 2, cites: 1 };
const LEVEL_WORD: Record<PlanLevel, string> = { tỉnh: 'tỉnh', huyện: 'huyện', xã: 'xã' };
const LOWER: Record<PlanLevel, string> = { tỉnh: 'các huyện, thị xã, thành phố', huyện: 'các xã, thị trấn', xã: 'các ấp, khu phố' };

class Composer {
  readonly b: TextBuilder;
  private readonly cited = new Map<string, TruthCitation>();
  private readonly stated: TruthStated[] = [];
  section = 'preamble';
  cue: Relation = 'cites';
  private readonly fill: (s: string) => string;

  constructor(
    private readonly ctx: PlanContext,
    private readonly layout = randomLayout(ctx.rng),
  ) {
    this.b = new TextBuilder(layout);
    const { self } = ctx;
    const subj = TOPICS[ctx.topic].subject;
    this.fill = (s) =>
      s.replaceAll('{cap}', LEVEL_WORD[self.level]).replaceAll('{subj}', subj).replaceAll('{year}', String(self.year)).replaceAll('{lower}', LOWER[self.level]);
  }

  private get rng(): Rng {
    return this.ctx.rng;
  }

  private record(doc: CentralDocument, span: { start: number; end: number }, byName: boolean, sharedSuffix?: string): void {
    let c = this.cited.get(doc.id);
    if (!c) {
      const { id, kind, symbol, name, date, issuer, level, province, district, commune } = doc;
      c = { doc: { id, kind, symbol, name, date, issuer, level, province, district, commune }, relation: this.cue, mentions: [] };
      this.cited.set(doc.id, c);
    }
    if (RANK[this.cue] > RANK[c.relation]) c.relation = this.cue;
    c.mentions.push({ ...span, section: this.section, cue: this.cue, byName, ...(sharedSuffix ? { sharedSuffix } : {}) });
  }

  private symbolAsWritten(symbol: string): string {
    // PDF breaks inside a Party symbol ("218-\n\nQĐ/TW") and spacing typos ("432/UBND- HC").
    if (this.layout.width !== Infinity && this.rng.chance(0.04) && /^\d+-/.test(symbol)) return symbol.replace('-', '-\n\n');
    if (this.rng.chance(0.02) && /\/[^-]+-/.test(symbol)) return symbol.replace(/-(?=[^-]*$)/, '- ');
    return symbol;
  }

  private dateAsWritten(doc: CentralDocument, p = 0.85): string {
    if (!doc.date || !this.rng.chance(p)) return '';
    const d = writeDate(doc.date, this.rng);
    return doc.symbol && /-.*\/TW$/.test(doc.symbol) && this.rng.chance(0.2) ? `, ${d}` : ` ${d}`;
  }

  private issuerAsWritten(doc: CentralDocument, p = 0.85): string {
    return this.rng.chance(p) ? ` của ${this.rng.pick(doc.issuerForms)}` : '';
  }

  /** Write a citation by symbol (laws sometimes by name), optionally followed by its subject. */
  cite(doc: CentralDocument, opts: { full?: boolean; subject?: boolean } = {}): void {
    if (doc.kind === 'Luật') return this.citeLaw(doc);
    const full = opts.full ?? true;
    const so = this.rng.chance(0.85) ? ' số' : '';
    const text = `${doc.kind}${so} ${this.symbolAsWritten(doc.symbol!)}${full ? this.dateAsWritten(doc) + this.issuerAsWritten(doc) : ''}`;
    const start = this.b.length;
    this.record(doc, this.b.span(text), false);
    if (opts.subject) this.subject(doc, start);
  }

  private subject(doc: CentralDocument, start: number): void {
    const nested = (phrase: string, target: CentralDocument, relation: StatedRelationType) => {
      this.b.add(phrase);
      this.cite(target, { subject: false });
      this.stated.push({ from: doc.id, to: target.id, relation, start, end: this.b.length });
    };
    if (doc.guides) nested(doc.kind === 'Công văn' ? ' hướng dẫn thực hiện ' : ' hướng dẫn thi hành một số điều của ', doc.guides, 'guides');
    else if (doc.implementsDoc && this.rng.chance(0.5)) nested(' về triển khai thực hiện ', doc.implementsDoc, 'implements');
    else if (doc.continues && this.rng.chance(0.4)) nested(' về tiếp tục thực hiện ', doc.continues, 'continues');
    else this.b.add(` về ${doc.subject}`);
  }

  private citeLaw(doc: CentralDocument): void {
    const form = this.rng.next();
    if (form < 0.65) {
      const name = doc.names.length > 1 && this.rng.chance(0.3) ? doc.names[1] : doc.names[0];
      this.record(doc, this.b.span(name), true);
    } else if (form < 0.8) {
      this.record(doc, this.b.span(`${doc.names[0]} số ${doc.symbol}`), false);
    } else {
      this.record(doc, this.b.span(`Luật số ${doc.symbol}${this.dateAsWritten(doc)}${this.issuerAsWritten(doc, 0.6)}`), false);
    }
  }

  /** "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày …", "… số 217, 218-QĐ/TW …". */
  citePair(a: CentralDocument, b: CentralDocument): void {
    const tail = () => `${this.dateAsWritten(b, 0.9)}${this.issuerAsWritten(b, 0.9)}`;
    const [numA] = a.symbol!.split('-');
    const [numB, ...rest] = b.symbol!.split('-');
    const suffix = `-${rest.join('-')}`;
    switch (this.rng.int(0, 2)) {
      case 0:
        this.cite(a, { full: false });
        this.b.add(' và ');
        this.record(b, this.b.span(`${b.kind} số ${b.symbol}${tail()}`), false);
        break;
      case 1:
        this.cite(a, { full: false });
        this.b.add(', ');
        this.record(b, this.b.span(`${b.symbol}${tail()}`), false);
        break;
      default:
        this.record(a, this.b.span(`${a.kind} số ${numA}`), false, suffix);
        this.b.add(', ');
        this.record(b, this.b.span(`${numB}${suffix}${tail()}`), false);
    }
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.cited.has(id);
  }

  text(s: string): void {
    this.b.add(this.fill(s));
  }

  para(s?: string): void {
    this.b.paragraph();
    if (s) this.text(s);
  }

  truth(header: TruthHeader): Truth {
    return {
      header,
      citations: [...this.cited.values()],
      stated: this.stated,
      variant: { nfd: this.layout.nfd, newTones: this.layout.newTones, headerAtEnd: false },
    };
  }
}

function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}

function headerLines(ctx: PlanContext, place: string, twoColumns: boolean): string[] {
  const { self, rng } = ctx;
  const [, m, d] = self.date!.split('-').map(Number);
  const left = ['ỦY BAN NHÂN DÂN', self.unit.name.toUpperCase(), `Số: ${rng.chance(0.2) ? '   ' : ''}${self.symbol}`];
  const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m} năm ${self.year}`];
  if (!twoColumns) return [...left.slice(0, 2), ...right.slice(0, 2), left[2], right[2]];
  return left.map((l, i) => `${l}${' '.repeat(rng.int(6, 30))}${right[i]}`);
}

/** Compose one plan's text and truth. */
export function composePlan(ctx: PlanContext): { text: string; truth: Truth } {
  const { rng, self, parent, grandparent, previous, root, guidance, partyLocal } = ctx;
  const c = new Composer(ctx);
  const topic = TOPICS[ctx.topic];
  const place = self.unit.bare;
  const signer = personName(rng);
  const headerAtEnd = rng.chance(0.03);
  const header = headerLines(ctx, place, rng.chance(0.5));
  const unitInline = self.unit.inline;
  const current = (l: CentralDocument) => !l.supersededIn || self.year < l.supersededIn;
  const laws = topic.laws.filter(current);

  if (!headerAtEnd) c.b.lines(header);

  // Title.
  c.section = 'title';
  c.b.lines(['KẾ HOẠCH']);
  const titleCites = self.level === 'tỉnh' && rng.chance(0.15);
  const title = `${rng.pick(['Thực hiện', 'Triển khai thực hiện'])} ${topic.subject} năm ${self.year}`;
  c.text(title);
  if (titleCites) {
    c.cue = 'implements';
    c.b.add(' theo ');
    c.cite(root, { full: false });
  }

  // Preamble.
  c.section = 'preamble';
  const basis = (): void => {
    const docs: (() => void)[] = [];
    if (self.level === 'tỉnh' && current(FIXED.luatCQDP) && rng.chance(0.5)) docs.push(() => c.cite(FIXED.luatCQDP));
    if (self.level === 'tỉnh' && rng.chance(0.35)) docs.push(() => c.cite(guidance, { subject: true }));
    if (self.level !== 'tỉnh' && parent && rng.chance(0.3)) {
      docs.push(() => {
        if (grandparent && rng.chance(0.5)) {
          c.cite(grandparent);
          c.b.add(' và ');
        }
        c.cite(parent, { subject: true });
      });
    }
    c.cue = 'based_on';
    for (const write of docs) {
      c.para('Căn cứ ');
      write();
      c.b.add(';');
    }
  };
  const implement = (): void => {
    const docs: (() => void)[] = [];
    if (self.level === 'tỉnh') {
      if (!titleCites || rng.chance(0.5)) docs.push(() => c.cite(root, { subject: true }));
    } else if (parent && !c.has(parent.id)) {
      docs.push(() => c.cite(parent, { subject: true }));
    }
    if (self.level !== 'xã' && rng.chance(self.level === 'tỉnh' ? 0.4 : 0.2)) docs.push(() => c.cite(partyLocal, { subject: true }));
    if (docs.length === 0) return;
    c.cue = 'implements';
    c.para('Thực hiện ');
    docs.forEach((write, i) => {
      if (i > 0) c.b.add('; ');
      write();
    });
    c.b.add(';');
  };
  if (rng.chance(0.8)) {
    basis();
    implement();
  } else {
    implement();
    basis();
  }
  c.para(`Ủy ban nhân dân ${unitInline} ${rng.pick(['ban hành', 'xây dựng'])} Kế hoạch thực hiện {subj} năm {year}, cụ thể như sau:`);

  // I. Purpose and requirements.
  c.cue = 'cites';
  c.section = 'I';
  c.para('I. MỤC ĐÍCH, YÊU CẦU');
  c.para('1. Mục đích');
  if (parent && rng.chance(0.2)) {
    c.cue = 'implements';
    c.para('- Triển khai thực hiện có hiệu quả ');
    c.cite(parent, { full: rng.chance(0.3) });
    c.b.add('.');
    c.cue = 'cites';
  }
  for (const s of rng.sample(PURPOSE, rng.int(2, 4))) c.para(`- ${s}`);
  c.para('2. Yêu cầu');
  for (const s of rng.sample(REQUIREMENT, rng.int(2, 4))) c.para(`- ${s}`);

  // II. Content: items padded to the target length, some carrying body citations.
  c.para(`II. ${rng.pick(['NỘI DUNG', 'NỘI DUNG THỰC HIỆN', 'NỘI DUNG NHIỆM VỤ'])}`);
  const bodyCitations: (() => void)[] = [
    () => {
      c.para(`- Tiếp tục quán triệt, tuyên truyền, triển khai thực hiện có hiệu quả `);
      rng.sample(topic.body, rng.int(1, 3)).forEach((d, i) => {
        if (i > 0) c.b.add('; ');
        c.cite(d, { subject: rng.chance(0.6) });
      });
      c.b.add('.');
    },
    () => {
      c.para('- Triển khai thực hiện có hiệu quả ');
      c.cite(rng.pick(laws.length ? laws : [FIXED.luatDanChu]));
      c.b.add(' và các văn bản hướng dẫn thi hành.');
    },
    () => {
      c.para('- Thực hiện tốt các nhiệm vụ được giao theo ');
      c.cite(root, { full: rng.chance(0.4) });
      c.b.add(', gắn với nhiệm vụ chính trị của địa phương.');
    },
    () => {
      c.para('- Thực hiện nghiêm ');
      c.citePair(FIXED.qd217, FIXED.qd218);
      c.b.add(' trong hoạt động giám sát và phản biện xã hội.');
    },
    () => {
      if (!previous) return;
      c.para('- Trên cơ sở kết quả thực hiện ');
      c.cite(previous, { subject: rng.chance(0.5) });
      c.b.add(', tiếp tục khắc phục những hạn chế, tồn tại.');
    },
  ];
  const bodyStart = c.b.length;
  const sectionIII = Math.max(ctx.targetLength * 0.8, bodyStart + 2000);
  for (let item = 1; c.b.length < sectionIII; item++) {
    c.section = `II.${item}`;
    c.para(`${item}. ${rng.pick(HEADINGS)}`);
    for (const s of rng.sample(TASK, rng.int(2, 4))) c.para(`- ${s}`);
    if (rng.chance(0.55)) rng.pick(bodyCitations)();
    c.para(rng.pick(SCHEDULE));
  }

  // III. Organisation.
  c.section = 'III';
  c.para('III. TỔ CHỨC THỰC HIỆN');
  const agencies = rng.sample(AGENCIES[self.level], rng.int(2, 5));
  agencies.forEach((a, i) => {
    c.para(`${i + 1}. ${a}`);
    c.para(`- ${a} ${rng.pick(AGENCY_TASK)}`);
    while (c.b.length < ctx.targetLength * (0.8 + (0.2 * (i + 1)) / agencies.length) && rng.chance(0.7)) c.para(`- ${rng.pick(TASK)}`);
  });
  c.para(`Trên đây là Kế hoạch thực hiện {subj} năm {year} của Ủy ban nhân dân ${unitInline}./.`);
  c.para('Nơi nhận:');
  const above = self.level === 'xã' ? 'UBND huyện' : self.level === 'huyện' ? 'UBND tỉnh' : 'Văn phòng Chính phủ';
  c.b.lines(['', `- ${above};`, '- TT. Đảng ủy, HĐND;', '- Lưu: VT.']);
  const deputy = rng.chance(0.5);
  c.b.lines(['TM. ỦY BAN NHÂN DÂN', ...(deputy ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH']), '', signer]);
  if (headerAtEnd) c.b.lines(header);

  const truth = c.truth({
    id: self.id,
    kind: self.kind,
    symbol: self.symbol,
    name: null,
    date: self.date,
    issuer: self.issuer,
    level: self.level,
    province: self.province,
    district: self.district,
    commune: self.commune,
    title,
    year: self.year,
    place,
    signer,
    unit: self.unit.code,
  });
  truth.variant.headerAtEnd = headerAtEnd;
  return { text: c.b.text(), truth };
}

/**
 * The synthetic national corpus: generate({n, seed}) yields n plans with their
 * ground truth, deterministically, one at a time (the 1M corpus never has to sit
 * on disk or in memory).
 *
 * Campaigns: for each year and topic, province plans implement the central root,
 * district plans implement their province's plan, commune plans their district's
 * (after the 2025 reform, communes implement the province plan directly). The
 * quota of each campaign is proportional to its size; small corpora take a few
 * whole subtrees per campaign, so the hierarchy stays consistent at every n.
 */
import { TOPICS, guidanceOf, partyTerm, rootOf, type CentralDocument } from './catalogue.ts';
import { composePlan, type PlanDocument, type PlanLevel } from './plan.ts';
import { Rng } from './random.ts';
import { addDays } from './text.ts';
import type { SynthDocument } from './truth.ts';
import { loadUnits, type Province, type Unit } from './units.ts';

export type { SynthDocument, Truth } from './truth.ts';

export interface GenerateOptions {
  n: number;
  seed: number;
}

/** The last year of campaigns; it is post-reform (two-tier local government). */
const LAST_YEAR = 2026;
const POST_REFORM_FROM = 2026;

interface Campaign {
  year: number;
  topic: number;
  capacity: number;
}

function campaigns(n: number, pre: Province[], post: Province[]): Campaign[] {
  const size = (year: number) =>
    year >= POST_REFORM_FROM
      ? post.reduce((s, p) => s + 1 + p.communes.length, 0)
      : pre.reduce((s, p) => s + 1 + p.districts.length + p.communes.length, 0);
  const list: Campaign[] = [];
  let total = 0;
  for (let year = LAST_YEAR; year > LAST_YEAR - 10 || total < n; year--) {
    const perTopic = TOPICS.map((_, topic) => ({ year, topic, capacity: size(year) }));
    list.unshift(...perTopic);
    total += perTopic.reduce((s, c) => s + c.capacity, 0);
  }
  return list;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function provincialParty(province: Province, t: number, year: number): CentralDocument {
  const from = year >= 2025 ? 2025 : year >= 2020 ? 2020 : 2015;
  const kinds = [
    ['Chỉ thị', 'CT'],
    ['Nghị quyết', 'NQ'],
    ['Kết luận', 'KL'],
  ] as const;
  const [kind, code] = kinds[t % 3];
  const committee = province.name.startsWith('Thành phố') ? 'Thành ủy' : 'Tỉnh ủy';
  const issueYear = Math.min(year, from + (t % 3));
  return {
    id: `party:${province.code}:${from}:${code}${t}`,
    kind,
    symbol: `${pad2(5 + t * 4)}-${code}/TU`,
    name: null,
    date: `${issueYear}-${pad2(1 + (t % 12))}-${pad2(10 + t)}`,
    issuer: `Ban Thường vụ ${committee}`,
    level: 'tỉnh',
    province: province.name,
    district: null,
    commune: null,
    subject: `lãnh đạo thực hiện ${TOPICS[t].subject}`,
    issuerForms: [`Ban Thường vụ ${committee}`, committee, `Ban Thường vụ ${committee} ${province.bare}`],
    names: [],
  };
}

/** Plan numbers: per issuing unit, increasing through the year, restarting each January. */
class Numbering {
  private year = 0;
  private next = new Map<string, number>();
  take(unit: string, year: number, rng: Rng): number {
    if (year !== this.year) {
      this.year = year;
      this.next.clear();
    }
    const n = (this.next.get(unit) ?? rng.int(1, 12)) + rng.int(0, 20);
    this.next.set(unit, n + 1);
    return n;
  }
}

function issuerForms(unit: Unit, level: PlanLevel): string[] {
  const word = unit.inline.slice(0, unit.inline.length - unit.bare.length - 1);
  return [`Ủy ban nhân dân ${unit.inline}`, `UBND ${unit.inline}`, `Ủy ban nhân dân ${word}`, `UBND ${word}`, level === 'tỉnh' ? 'UBND Tỉnh' : `UBND ${word}`];
}

/** Target text length: log-normal around the seeds' 18 KB, within 9–36 KB. */
function targetLength(rng: Rng): number {
  const g = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.round(Math.min(36_000, Math.max(9_000, 18_000 * Math.exp(0.35 * g))));
}

export function* generate({ n, seed }: GenerateOptions): Generator<SynthDocument> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`generate: n must be a positive integer, got ${n}`);
  const { pre, post } = loadUnits();
  const rng = new Rng(seed);
  const list = campaigns(n, pre, post);
  const totalCapacity = list.reduce((s, c) => s + c.capacity, 0);
  const numbering = new Numbering();
  const previous = new Map<string, PlanDocument>();
  let emitted = 0;
  let cumulative = 0;

  for (const { year, topic, capacity } of list) {
    const quota = Math.round((n * (cumulative + capacity)) / totalCapacity) - emitted;
    cumulative += capacity;
    if (quota <= 0) continue;
    const root = rootOf(topic, year);
    const guidance = guidanceOf(topic, year);
    const postReform = year >= POST_REFORM_FROM;
    const provinces = rng.sample(postReform ? post : pre, Math.ceil(quota / 12));
    const nDistricts = postReform ? 0 : Math.min(quota - provinces.length, Math.max(provinces.length, Math.ceil((quota - provinces.length) / 5)));
    const districts = rng.sample(provinces.flatMap((p) => p.districts.map((d) => ({ p, d }))), nDistricts);
    const communes = rng.sample<{ p: Province; d: Unit | null; c: Unit }>(
      postReform ? provinces.flatMap((p) => p.communes.map((c) => ({ p, d: null, c }))) : districts.flatMap(({ p, d }) => d.communes.map((c) => ({ p, d, c }))),
      quota - provinces.length - districts.length,
    );

    const provincePlans = new Map<string, PlanDocument>();
    const districtPlans = new Map<string, PlanDocument>();
    const make = (unit: Unit, level: PlanLevel, province: Province, district: Unit | null, parent: PlanDocument | null): PlanDocument => {
      const number = numbering.take(unit.code, year, rng);
      const after = parent?.date ?? (root.date! > `${year}-01-01` ? root.date! : `${year}-01-02`);
      const date = addDays(after, rng.int(3, parent ? 30 : 60));
      return {
        id: `plan:${unit.code}:${year}:${number}`,
        kind: 'Kế hoạch',
        symbol: `${pad2(number)}/KH-UBND`,
        name: null,
        date,
        issuer: `Ủy ban nhân dân ${unit.inline}`,
        level,
        province: province.name,
        district: level === 'tỉnh' ? null : (district?.name ?? null),
        commune: level === 'xã' ? unit.name : null,
        subject: `thực hiện ${TOPICS[topic].subject} năm ${year}`,
        issuerForms: issuerForms(unit, level),
        names: [],
        implementsDoc: parent ?? root,
        unit,
        year,
        number,
      };
    };

    const emit = (self: PlanDocument, parent: PlanDocument | null, grandparent: PlanDocument | null, province: Province): SynthDocument => {
      const key = `${self.unit.code}|${topic}`;
      const { text, truth } = composePlan({
        rng,
        topic,
        self,
        parent,
        grandparent,
        previous: previous.get(key) ?? null,
        root,
        guidance,
        partyLocal: provincialParty(province, topic, year),
        targetLength: targetLength(rng),
      });
      previous.set(key, self);
      emitted++;
      return { file: `${String(emitted).padStart(7, '0')}-${self.unit.code.replace(/[:/]/g, '-')}-${year}.txt`, text, truth };
    };

    for (const p of provinces) {
      const plan = make(p, 'tỉnh', p, null, null);
      provincePlans.set(p.code, plan);
      yield emit(plan, null, null, p);
    }
    for (const { p, d } of districts) {
      const parent = provincePlans.get(p.code)!;
      const plan = make(d, 'huyện', p, d, parent);
      districtPlans.set(d.code, plan);
      yield emit(plan, parent, null, p);
    }
    for (const { p, d, c } of communes) {
      const provincePlan = provincePlans.get(p.code)!;
      const parent = d ? districtPlans.get(d.code)! : provincePlan;
      yield emit(make(c, 'xã', p, d, parent), parent, d ? provincePlan : null, p);
    }
  }
}

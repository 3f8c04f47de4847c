/**
 * The typed model of what the extractor produces. Every stage of the pipeline
 * (read → clean → find → resolve → annotate) speaks these types, and the JSON
 * printed by `cancu extract --json` is exactly an `Extraction[]`.
 *
 * Offsets are JavaScript string indices (UTF-16 code units) into the decoded
 * ORIGINAL text of the file, never into a normalised copy.
 */

/** A cited document's relation to the citing plan. First applicable wins: based_on > implements > cites. */
export type Relation = 'based_on' | 'implements' | 'cites';

/** Precedence of relations: when several apply to one citation, the lowest rank wins. */
export const RELATION_RANK: Readonly<Record<Relation, number>> = { based_on: 0, implements: 1, cites: 2 };

/** A relation the text states between two cited documents (neither is the citing plan). */
export type StatedRelationType = 'implements' | 'guides' | 'continues' | 'issues' | 'amends';

/** How a mention names its document. */
export type MentionForm =
  | 'symbol' // by number and sign: "Chỉ thị số 33/CT-TTg"
  | 'name' // by proper name only: "Luật Thực hiện dân chủ ở cơ sở"
  | 'back-reference' // "Chỉ thị nêu trên", "Kế hoạch 49" after "(sau đây gọi tắt là Kế hoạch 49)"
  | 'descriptive'; // an unnumbered description equal to a cited document's kind+issuer or subject

export interface Mention {
  start: number;
  end: number;
  /** Section path: "title", "preamble", "I.1", "III.2.a", "footnote". */
  section: string;
  form: MentionForm;
  /** The relation cue in force at this mention. */
  cue: Relation;
}

export interface Ambiguity {
  /** Machine-readable reason code, e.g. "no-year", "no-term", "unnamed-locality", "several-laws". */
  reason: string;
  /** Human explanation. */
  detail: string;
  /** Candidate canonical keys (may be empty when nothing in the text narrows it). */
  candidates: string[];
}

export interface Citation {
  /** Canonical document key (see ingest/resolve.ts). Stable across files that cite the same document. */
  key: string;
  /** Document type in canonical form: "Chỉ thị", "Quyết định", "Chương trình", "Luật" … */
  kind: string;
  /** The kind as written when it differs ("Chương trình phối hợp"). */
  kindAsWritten?: string;
  /** Number and sign as written, whitespace removed and spacing typos fixed; null for name-only documents. */
  symbol: string | null;
  /** Proper name for documents cited by name ("Luật Thực hiện dân chủ ở cơ sở"), NFC, single spaces. */
  name: string | null;
  /** Other surface forms seen in the text (name forms of a numbered law, "Kế hoạch 49" …). */
  aliases: string[];
  /** Issue date, ISO yyyy-mm-dd, from any mention. */
  date: string | null;
  /** Issuer as written after "của"/"giữa" at the first mention that has one. */
  issuer: string | null;
  /** The "về …" subject at the first mention that has one. */
  subject: string | null;
  relation: Relation;
  /** Every relation cue seen over all mentions (the graph may record them all). */
  signals: Relation[];
  mentions: Mention[];
  ambiguous?: Ambiguity;
}

export interface StatedRelation {
  /** Symbols (or names) as in Citation.symbol / Citation.name. */
  from: string;
  to: string;
  fromKey: string;
  toKey: string;
  relation: StatedRelationType;
  start: number;
  end: number;
  section: string;
}

export type AdminLevel = 'trung ương' | 'tỉnh' | 'huyện' | 'xã';

export interface Header {
  /**
   * Canonical key of the document itself, computed by the same resolver as citation keys,
   * so a plan cited by others and later ingested becomes one node. Null when the text
   * gives no symbol (the graph then keys it by content hash).
   */
  key: string | null;
  symbol: string | null;
  kind: string | null;
  date: string | null;
  year: number | null;
  place: string | null;
  issuer: string | null;
  title: string | null;
  signer: string | null;
  province: string | null;
  /** District named by the issuer, when the plan is a district or commune plan and names it. */
  district: string | null;
  /** Commune named by the issuer, for a commune plan. */
  commune: string | null;
  level: AdminLevel | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable code: "empty-text", "legacy-encoding", "invalid-utf8", "truncated-pdf" … */
  code: string;
  message: string;
  start?: number;
  end?: number;
}

export interface Extraction {
  file: string;
  header: Header;
  citations: Citation[];
  statedRelations: StatedRelation[];
  diagnostics: Diagnostic[];
}

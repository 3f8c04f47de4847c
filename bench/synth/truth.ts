/**
 * Ground truth that travels with every synthetic plan. Identities are the
 * generator's own ids ("central:ct-ttg-33-2021", "plan:pre:84/845:2022:30"),
 * deliberately unrelated to the extractor's canonical keys: a scorer maps
 * recovered keys onto them through the mention spans.
 */
import type { AdminLevel, Relation, StatedRelationType } from '../../ingest/model.ts';

export interface TruthDocument {
  /** The generator's identity of the document. */
  id: string;
  kind: string;
  /** Number and sign, canonical spelling (NFC, no spaces); null for documents known by name only. */
  symbol: string | null;
  /** Proper name (laws), NFC. */
  name: string | null;
  /** ISO yyyy-mm-dd; null when the document has none (name-only law families). */
  date: string | null;
  issuer: string;
  level: AdminLevel;
  /** Province / district / commune FullName as in the admin-unit data (null for central documents). */
  province: string | null;
  district: string | null;
  commune: string | null;
}

export interface TruthHeader extends TruthDocument {
  title: string;
  year: number;
  place: string;
  signer: string;
  /** Admin-unit code of the issuing unit, prefixed by snapshot ("pre:84/845/29299", "post:80"). */
  unit: string;
}

/** One mention: offsets (JS string indices) into the generated text, from the kind word through the issuer. */
export interface TruthMention {
  start: number;
  end: number;
  section: string;
  cue: Relation;
  /** True when the mention names the document by proper name instead of its symbol. */
  byName: boolean;
  /** Joined form "217, 218-QĐ/TW": this mention holds only the number; the sign ("-QĐ/TW") is written after the next one. */
  sharedSuffix?: string;
}

export interface TruthCitation {
  doc: TruthDocument;
  /** Strongest cue over all mentions (based_on > implements > cites). */
  relation: Relation;
  mentions: TruthMention[];
}

export interface TruthStated {
  from: string;
  to: string;
  relation: StatedRelationType;
  start: number;
  end: number;
}

export interface Truth {
  header: TruthHeader;
  citations: TruthCitation[];
  stated: TruthStated[];
  /** Surface variations applied to the whole text, for slicing scores by condition. */
  variant: { nfd: boolean; newTones: boolean; headerAtEnd: boolean };
}

export interface SynthDocument {
  file: string;
  text: string;
  truth: Truth;
}

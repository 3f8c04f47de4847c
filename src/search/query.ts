/**
 * The user's search query, parsed by us (never handed raw to an engine's own
 * query language). A query is a list of units that must all match:
 *
 * - a word: one run of letters/digits, kept in canonical accented form and folded,
 *   matched whole (no prefix search: expanding a prefix reads every matching
 *   term's doclist, work that grows with the corpus);
 * - a phrase: several runs joined without spaces ("33/CT-TTg", "217-QĐ/TW",
 *   "2022-2025"), matched as adjacent folded tokens, so any separators match.
 *
 * Everything else (quotes, `*`, parentheses, `:`, `-`, operators such as
 * AND/OR/NOT/NEAR) is plain text: punctuation separates tokens, operator
 * words are words.
 */
import { canonicalVi, foldSymbol, foldText } from '../../ingest/normalize.ts';
import { SearchSyntaxError } from './search-index.ts';

export type QueryUnit =
  | { kind: 'word'; term: string; folded: string }
  | { kind: 'phrase'; folded: string[] };

export interface ParsedQuery {
  units: QueryUnit[];
  /**
   * The whole query as a loose document symbol ("33 ct ttg" for "33 CT TTg" or
   * "33/CT-TTg"), when it looks like one (a digit and at least two tokens), else null.
   */
  symbol: string | null;
}

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_TOKENS = 32;

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/** Tokens of a string as the index tokenises it (runs of letters, digits, marks). */
function tokens(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

/**
 * Parse a user query. An empty or blank query gives no units (browse);
 * a query with characters but no searchable word, or too long, is a SearchSyntaxError.
 */
export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new SearchSyntaxError(`query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
  }
  const text = canonicalVi(query).toLowerCase();
  const units: QueryUnit[] = [];
  let count = 0;
  for (const chunk of text.split(/\s+/)) {
    const toks = tokens(chunk);
    count += toks.length;
    if (toks.length > 1 && /^[\p{L}\p{N}\p{M}]+(?:[/.\-_][\p{L}\p{N}\p{M}]+)+$/u.test(trimPunct(chunk))) {
      units.push({ kind: 'phrase', folded: toks.map(foldText) });
    } else {
      for (const t of toks) units.push({ kind: 'word', term: t, folded: foldText(t) });
    }
  }
  if (count > MAX_QUERY_TOKENS) {
    throw new SearchSyntaxError(`query has ${count} words; the limit is ${MAX_QUERY_TOKENS}`);
  }
  if (units.length === 0 && text.trim() !== '') {
    throw new SearchSyntaxError(`query ${JSON.stringify(query)} has no searchable word`);
  }

  const loose = foldSymbol(query).toLowerCase();
  const symbol = /\d/.test(loose) && loose.includes(' ') ? loose : null;
  return { units, symbol };
}

/** Drop leading/trailing punctuation of a chunk ("(33/CT-TTg)," → "33/CT-TTg"). */
function trimPunct(chunk: string): string {
  return chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, '');
}

/** What to mark in result text, all folded: whole words and phrases. */
export interface HighlightTerms {
  words: Set<string>;
  phrases: string[][];
}

export function highlightTerms(q: ParsedQuery): HighlightTerms {
  const terms: HighlightTerms = { words: new Set(), phrases: [] };
  for (const u of q.units) {
    if (u.kind === 'phrase') terms.phrases.push(u.folded);
    else terms.words.add(u.folded);
  }
  return terms;
}

/**
 * SearchIndex on Meilisearch (client 0.62).
 *
 * - Primary key `key` = sha256(id) in base64url: ids contain `/`, spaces and
 *   Vietnamese letters, which Meilisearch forbids in primary keys. The real id
 *   is kept in the `id` field.
 * - Meilisearch folds accents itself (its Vietnamese normaliser also maps đ → d);
 *   a `symbolLoose` (foldSymbol) and a `headFolded` (foldText of the short fields)
 *   attribute make symbol variants and đ/d match even where it would not.
 * - The query is rebuilt from our own parse (words, and quoted phrases for
 *   symbols), so Meilisearch's operators (`"…"`, `-word`) never come from the user.
 * - Highlights use control characters as tags; the text is HTML-escaped and the
 *   tags turned into <mark> afterwards, so snippets are safe HTML.
 */
import { createHash } from 'node:crypto';
import { Meilisearch, type Index } from 'meilisearch';
import { foldSymbol, foldText } from '../../ingest/normalize.ts';
import { escapeHtml } from './highlight.ts';
import { parseQuery, type QueryUnit } from './query.ts';
import type { FacetValue, SearchDoc, SearchFilter, SearchIndex, SearchResult } from './search-index.ts';
import { byCountThenValue, checkPage, FACETS, headText, HIGHLIGHT_FIELDS } from './result-shape.ts';

export interface MeiliSearchConfig {
  host: string;
  apiKey?: string | null;
  /** Index uid (default "documents"). */
  index?: string;
}

interface MeiliDoc extends SearchDoc {
  key: string;
  symbolLoose: string | null;
  headFolded: string;
}

const PRE = '\u0002';
const POST = '\u0003';
const TASK_TIMEOUT_MS = 60_000;

export function meiliKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

function toMeili(d: SearchDoc): MeiliDoc {
  return {
    ...d,
    key: meiliKey(d.id),
    symbolLoose: d.symbol ? foldSymbol(d.symbol) : null,
    headFolded: foldText(headText(d).normalize('NFC')),
  };
}

/** Meilisearch query text from our parse: words as words, phrases quoted. */
function meiliQuery(units: QueryUnit[]): string {
  return units.map((u) => (u.kind === 'phrase' ? `"${u.folded.join(' ')}"` : u.term)).join(' ');
}

/** A filter value as a Meilisearch string literal. */
function literal(v: string | number | boolean): string {
  return typeof v === 'string' ? `"${v.replace(/["\\]/g, '\\$&')}"` : String(v);
}

function meiliFilter(filter: SearchFilter): string[] {
  return (['kind', 'province', 'year', 'level', 'ingested'] as const).flatMap((k) => {
    const v = filter[k];
    return v == null ? [] : [`${k} = ${literal(v)}`];
  });
}

/** Meilisearch's highlighted value (tags PRE/POST) as safe HTML with <mark>. */
function toHtml(formatted: string): string {
  return escapeHtml(formatted)
    .replace(/\s+/g, ' ')
    .replaceAll(PRE, '<mark>')
    .replaceAll(POST, '</mark>')
    .trim();
}

export class MeiliSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly uid: string;

  constructor(config: MeiliSearchConfig) {
    this.client = new Meilisearch({ host: config.host, apiKey: config.apiKey ?? undefined });
    this.uid = config.index ?? 'documents';
  }

  private get index(): Index<MeiliDoc> {
    return this.client.index<MeiliDoc>(this.uid);
  }

  async init(): Promise<void> {
    const existing = await this.client.getIndexes({ limit: 1000 });
    if (!existing.results.some((i) => i.uid === this.uid)) {
      await this.client.createIndex(this.uid, { primaryKey: 'key' }).waitTask({ timeout: TASK_TIMEOUT_MS });
    }
    await this.index
      .updateSettings({
        searchableAttributes: ['symbol', 'symbolLoose', 'name', 'title', 'subject', 'issuer', 'kind', 'headFolded', 'text'],
        filterableAttributes: ['kind', 'province', 'year', 'level', 'ingested'],
        displayedAttributes: ['id', ...HIGHLIGHT_FIELDS],
        pagination: { maxTotalHits: 100_000 },
        faceting: { maxValuesPerFacet: 200 },
      })
      .waitTask({ timeout: TASK_TIMEOUT_MS });
  }

  async close(): Promise<void> {
    // The HTTP client holds no connection to release.
  }

  async upsert(docs: readonly SearchDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.index.addDocuments(docs.map(toMeili), { primaryKey: 'key' }).waitTask({ timeout: TASK_TIMEOUT_MS });
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.index.deleteDocuments(ids.map(meiliKey)).waitTask({ timeout: TASK_TIMEOUT_MS });
  }

  async search(query: string, opts: { filter?: SearchFilter; limit: number; offset: number }): Promise<SearchResult> {
    checkPage(opts.limit, opts.offset);
    const parsed = parseQuery(query);
    const res = await this.index.search(meiliQuery(parsed.units), {
      filter: meiliFilter(opts.filter ?? {}),
      limit: opts.limit,
      offset: opts.offset,
      facets: [...FACETS],
      matchingStrategy: 'all',
      attributesToRetrieve: ['id', ...HIGHLIGHT_FIELDS],
      attributesToHighlight: parsed.units.length ? [...HIGHLIGHT_FIELDS] : [],
      attributesToCrop: ['text'],
      cropLength: 40,
      cropMarker: '…',
      highlightPreTag: PRE,
      highlightPostTag: POST,
      showRankingScore: true,
    });
    const facets = Object.fromEntries(
      FACETS.map((f) => [
        f,
        Object.entries(res.facetDistribution?.[f] ?? {})
          .map(([value, count]): FacetValue => ({ value, count }))
          .sort(byCountThenValue),
      ]),
    ) as SearchResult['facets'];
    return {
      hits: res.hits.map((h) => ({
        id: h.id,
        score: h._rankingScore ?? 0,
        highlights: HIGHLIGHT_FIELDS.flatMap((field) => {
          const v = h._formatted?.[field];
          return typeof v === 'string' && v.includes(PRE) ? [{ field, snippet: toHtml(v) }] : [];
        }),
      })),
      totalCount: res.estimatedTotalHits ?? res.hits.length,
      facets,
    };
  }
}

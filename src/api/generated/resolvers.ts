import type { GraphQLResolveInfo } from 'graphql';
import type { DocumentNode as DocumentNodeModel, Edge as EdgeModel, Evidence as EvidenceModel, TraceStep as TraceStepModel, ImplementerConnection as ImplementerConnectionModel, UnresolvedReference as UnresolvedReferenceModel } from '../models.ts';
import type { ApiContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** A typed edge between two documents, with every piece of evidence for it. */
export type Citation = {
  __typename?: 'Citation';
  /**
   * The first `first` (0–200) pieces of evidence, by source id and offset. A relation
   * stated in many plans has as many pieces (one edge at 1M plans has 43,879).
   */
  evidence: Array<Evidence>;
  /** How many pieces of evidence the edge has. */
  evidenceCount: Scalars['Int']['output'];
  /** The citing document (or, for a stated relation, the document the text says acts). */
  from: Document;
  relation: Relation;
  /** True when the relation is stated between two other documents by a third text. */
  stated: Scalars['Boolean']['output'];
  /** The cited document. */
  to: Document;
};


/** A typed edge between two documents, with every piece of evidence for it. */
export type CitationEvidenceArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CitationConnection = {
  __typename?: 'CitationConnection';
  edges: Array<CitationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CitationEdge = {
  __typename?: 'CitationEdge';
  cursor: Scalars['String']['output'];
  node: Citation;
};

/** A diagnostic the extractor reported for the text. */
export type Diagnostic = {
  __typename?: 'Diagnostic';
  /** Stable code: "empty-text", "legacy-encoding" … */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** error, warning or info. */
  severity: Scalars['String']['output'];
};

/** A legal document: ingested (its text is in cancu) or known only because another document cites it. */
export type Document = {
  __typename?: 'Document';
  /** Outgoing edges: what this document cites, with evidence; optionally of one relation. */
  citations: Array<Citation>;
  /** Incoming edges: documents citing this one, filtered by relation, citing document's province and year. */
  citedBy: CitationConnection;
  /** Issue date, ISO yyyy-mm-dd. */
  date?: Maybe<Scalars['String']['output']>;
  /** Source file name of an ingested document. */
  file?: Maybe<Scalars['String']['output']>;
  /** Canonical key, stable across every file that cites the document. */
  id: Scalars['ID']['output'];
  /** Direct implementers (shortcut for Query.implementers(of: id)). */
  implementedBy: ImplementerConnection;
  /** True when the document's own text was ingested. */
  ingested: Scalars['Boolean']['output'];
  /** Issuing body, e.g. "Thủ tướng Chính phủ". */
  issuer?: Maybe<Scalars['String']['output']>;
  /** Document type in canonical form: "Chỉ thị", "Quyết định", "Kế hoạch", "Luật" … */
  kind?: Maybe<Scalars['String']['output']>;
  /** Administrative level of the issuer. */
  level?: Maybe<Level>;
  /** Proper name, e.g. "Luật Thực hiện dân chủ ở cơ sở". */
  name?: Maybe<Scalars['String']['output']>;
  /** Province the document belongs to, when known. */
  province?: Maybe<Scalars['String']['output']>;
  /** The "về …" subject, when a citation states it. */
  subject?: Maybe<Scalars['String']['output']>;
  /** Number and sign as written, e.g. "33/CT-TTg"; null for documents known by name only. */
  symbol?: Maybe<Scalars['String']['output']>;
  /** Full text of an ingested document (null otherwise). */
  text?: Maybe<Scalars['String']['output']>;
  /** Title line(s) of an ingested document. */
  title?: Maybe<Scalars['String']['output']>;
  /** References in this document's text that could not be resolved. */
  unresolved: Array<UnresolvedReference>;
  /** Issue year. */
  year?: Maybe<Scalars['Int']['output']>;
};


/** A legal document: ingested (its text is in cancu) or known only because another document cites it. */
export type DocumentCitationsArgs = {
  relation?: InputMaybe<Relation>;
};


/** A legal document: ingested (its text is in cancu) or known only because another document cites it. */
export type DocumentCitedByArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  province?: InputMaybe<Scalars['String']['input']>;
  relation?: InputMaybe<Relation>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


/** A legal document: ingested (its text is in cancu) or known only because another document cites it. */
export type DocumentImplementedByArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ImplementerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a link is stated: an ingested document, the character span and the quoting sentence. */
export type Evidence = {
  __typename?: 'Evidence';
  /** End offset (exclusive) of the mention in the source text. */
  end: Scalars['Int']['output'];
  /** The sentence quoting the cited document. */
  quote: Scalars['String']['output'];
  /** Section path: "title", "preamble", "I.1", "III.2.a", "footnote". */
  section: Scalars['String']['output'];
  /** Id of the ingested document whose text states the link. */
  source: Scalars['ID']['output'];
  /** That document. */
  sourceDocument?: Maybe<Document>;
  /** Start offset (UTF-16 index) of the mention in the source text. */
  start: Scalars['Int']['output'];
};

/** One facet value and how many matching documents have it. */
export type FacetValue = {
  __typename?: 'FacetValue';
  count: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

/** A highlighted snippet: matches wrapped in <mark>…</mark>, everything else HTML-escaped. */
export type Highlight = {
  __typename?: 'Highlight';
  field: Scalars['String']['output'];
  snippet: Scalars['String']['output'];
};

export type ImplementerConnection = {
  __typename?: 'ImplementerConnection';
  /**
   * How many of all the implementers (every page, with the filter) each province has, most first,
   * then by name; implementers with no province are not counted. A coverage table in one request.
   */
  byProvince: Array<FacetValue>;
  edges: Array<ImplementerEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ImplementerEdge = {
  __typename?: 'ImplementerEdge';
  cursor: Scalars['String']['output'];
  /** 1 for a direct implementer, 2 for an implementer of an implementer … */
  depth: Scalars['Int']['output'];
  /** The implementing document. */
  node: Document;
  /** The chain of edges from the implementer (first step) to the queried document (last step). */
  path: Array<Citation>;
};

/** Restrictions on the implementing plans. */
export type ImplementerFilter = {
  /**
   * Words of the issuing body's name, in a row, in any case, with or without tone marks, with
   * abbreviations written in full: "Cầu Ngang", "ubnd huyen" and "Ủy ban nhân dân huyện Cầu Ngang"
   * all keep the plans of Ủy ban nhân dân huyện Cầu Ngang.
   */
  issuer?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<Level>;
  province?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type IngestResult = {
  __typename?: 'IngestResult';
  /** Number of citations extracted (0 when UNCHANGED: nothing was extracted again). */
  citations: Scalars['Int']['output'];
  diagnostics: Array<Diagnostic>;
  /** The ingested document. */
  document: Document;
  status: IngestStatus;
  /** Number of unresolved references (0 when UNCHANGED). */
  unresolved: Scalars['Int']['output'];
};

export type IngestStatus =
  /** The text was new or changed and is now in the graph. */
  | 'INGESTED'
  /** The same text (by content hash) was already ingested; nothing changed. */
  | 'UNCHANGED';

/** Administrative level of the issuing body. */
export type Level =
  /** Trung ương (central). */
  | 'trung ương'
  /** Xã / phường / thị trấn (commune). */
  | 'xã'
  /** Huyện / quận / thị xã (district). */
  | 'huyện'
  /** Tỉnh / thành phố trực thuộc trung ương (province). */
  | 'tỉnh';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Ingest one plan text (for tools). `name` is the file name recorded as the
   * document's source. Idempotent: the same text twice returns UNCHANGED.
   */
  ingestText: IngestResult;
};


export type MutationIngestTextArgs = {
  name: Scalars['String']['input'];
  text: Scalars['String']['input'];
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge, to pass as `after`. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One document by its canonical id; null when the id is unknown. */
  document?: Maybe<Document>;
  /**
   * Documents whose symbol matches loosely (case, accents and separators ignored:
   * "217-QĐ/TW" = "217/QĐ-TW" = "217 QD TW"), optionally of one issue year and of one
   * province, ordered by id. A local number is reused by every unit every year (`15/KH-UBND`:
   * about 8,000 documents among a million plans), so give the year or the province to narrow
   * it, and read on page by page: at most `first` documents (0 to 200), those whose id comes
   * after `after` (pass the last id of the previous page; fewer than `first` means the last page).
   */
  documentsBySymbol: Array<Document>;
  /**
   * Documents that implement `of` (IMPLEMENTS edges). With `transitive`, also
   * plans that implement an implementer, and so on; each edge gives the path.
   * A placeholder (a cited document whose id leaves a part open, `52/KH-UBND@2022@?`)
   * is listed, but its own implementers are not: it stands for different documents
   * in different texts, so a chain through it proves nothing.
   */
  implementers: ImplementerConnection;
  /**
   * The legal basis of a document: an upward trace through IMPLEMENTS, BASED_ON,
   * GUIDES, ISSUES, CONTINUES and AMENDS edges, at most `maxDepth` (1–10) steps.
   * The trace stops at a placeholder (an id with an open part, `33/CT-TTg@?`): the
   * step to it is shown, the edges out of it only when it is `of` itself.
   */
  legalBasis: Array<TraceStep>;
  /**
   * Full-text search over documents (symbol, name, title, issuer, subject, text).
   * Accent-insensitive: "chi thi 33 dan van" finds "Chỉ thị 33 … dân vận".
   * `first` is at most 200; `after` is a cursor from a previous page.
   */
  search: SearchConnection;
  /** Counts of what the graph holds. */
  stats: Stats;
  /** References the resolver could not pin to one document, optionally only those cited by `source`. */
  unresolvedReferences: UnresolvedConnection;
};


export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDocumentsBySymbolArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  province?: InputMaybe<Scalars['String']['input']>;
  symbol: Scalars['String']['input'];
  year?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryImplementersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ImplementerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  of: Scalars['ID']['input'];
  transitive?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryLegalBasisArgs = {
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
  of: Scalars['ID']['input'];
};


export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SearchFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryUnresolvedReferencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['ID']['input']>;
};

/** A document relation, as stored on graph edges. */
export type Relation =
  /** The source document amends the target. */
  | 'AMENDS'
  /** The cited document is a legal basis of the citing one ("Căn cứ …" preamble). */
  | 'BASED_ON'
  /** Any other mention. */
  | 'CITES'
  /** The source document continues the target ("về tiếp tục thực hiện …"). */
  | 'CONTINUES'
  /** The source document guides the target ("hướng dẫn …"). */
  | 'GUIDES'
  /** The citing plan carries out the cited document ("Thực hiện …", "… theo Chỉ thị …" in the title). */
  | 'IMPLEMENTS'
  /** The source document issues the target ("ban hành kèm theo …"). */
  | 'ISSUES';

export type SearchConnection = {
  __typename?: 'SearchConnection';
  edges: Array<SearchEdge>;
  facets: SearchFacets;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SearchEdge = {
  __typename?: 'SearchEdge';
  cursor: Scalars['String']['output'];
  highlights: Array<Highlight>;
  node: Document;
  /** Relevance score (higher is better; engine-specific scale). */
  score: Scalars['Float']['output'];
};

/** Facet counts over all matches (not only the current page). */
export type SearchFacets = {
  __typename?: 'SearchFacets';
  kind: Array<FacetValue>;
  level: Array<FacetValue>;
  province: Array<FacetValue>;
  year: Array<FacetValue>;
};

/** Search restrictions (all optional, combined with AND). */
export type SearchFilter = {
  /** Only documents whose text was ingested (true) or only cited ones (false). */
  ingested?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<Level>;
  province?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type Stats = {
  __typename?: 'Stats';
  documents: Scalars['Int']['output'];
  edges: Scalars['Int']['output'];
  ingested: Scalars['Int']['output'];
  localities: Scalars['Int']['output'];
  unresolved: Scalars['Int']['output'];
};

/** One step of a legal-basis trace: `from` is at depth-1 (the queried document at depth 0), `to` at `depth`. */
export type TraceStep = {
  __typename?: 'TraceStep';
  depth: Scalars['Int']['output'];
  /** The first `first` (0–200) pieces of evidence for the step's edge, by source id and offset. */
  evidence: Array<Evidence>;
  /** How many pieces of evidence the step's edge has. */
  evidenceCount: Scalars['Int']['output'];
  from: Document;
  relation: Relation;
  to: Document;
};


/** One step of a legal-basis trace: `from` is at depth-1 (the queried document at depth 0), `to` at `depth`. */
export type TraceStepEvidenceArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UnresolvedConnection = {
  __typename?: 'UnresolvedConnection';
  edges: Array<UnresolvedEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UnresolvedEdge = {
  __typename?: 'UnresolvedEdge';
  cursor: Scalars['String']['output'];
  node: UnresolvedReference;
};

/** A reference the resolver could not pin to one document. Kept as data, never guessed. */
export type UnresolvedReference = {
  __typename?: 'UnresolvedReference';
  /** Candidate canonical ids (may be empty). */
  candidates: Array<Scalars['String']['output']>;
  /** Human explanation. */
  detail: Scalars['String']['output'];
  end: Scalars['Int']['output'];
  /** The provisional key the citation is stored under. */
  key: Scalars['String']['output'];
  kind?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  /**
   * Machine-readable reason: "no-year", "no-term", "unnamed-locality", "several-laws" … or
   * "inferred": the text left the year, term or issuing place open and ingest linked the
   * reference to the only document the graph knew that fits (`key`, the one candidate), for
   * an auditor to check.
   */
  reason: Scalars['String']['output'];
  section: Scalars['String']['output'];
  /** The citing document. */
  source: Document;
  start: Scalars['Int']['output'];
  symbol?: Maybe<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Citation: ResolverTypeWrapper<EdgeModel>;
  CitationConnection: ResolverTypeWrapper<Omit<CitationConnection, 'edges'> & { edges: Array<ResolversTypes['CitationEdge']> }>;
  CitationEdge: ResolverTypeWrapper<Omit<CitationEdge, 'node'> & { node: ResolversTypes['Citation'] }>;
  Diagnostic: ResolverTypeWrapper<Diagnostic>;
  Document: ResolverTypeWrapper<DocumentNodeModel>;
  Evidence: ResolverTypeWrapper<EvidenceModel>;
  FacetValue: ResolverTypeWrapper<FacetValue>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Highlight: ResolverTypeWrapper<Highlight>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImplementerConnection: ResolverTypeWrapper<ImplementerConnectionModel>;
  ImplementerEdge: ResolverTypeWrapper<Omit<ImplementerEdge, 'node' | 'path'> & { node: ResolversTypes['Document'], path: Array<ResolversTypes['Citation']> }>;
  ImplementerFilter: ImplementerFilter;
  IngestResult: ResolverTypeWrapper<Omit<IngestResult, 'document'> & { document: ResolversTypes['Document'] }>;
  IngestStatus: IngestStatus;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Level: null;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Relation: Relation;
  SearchConnection: ResolverTypeWrapper<Omit<SearchConnection, 'edges'> & { edges: Array<ResolversTypes['SearchEdge']> }>;
  SearchEdge: ResolverTypeWrapper<Omit<SearchEdge, 'node'> & { node: ResolversTypes['Document'] }>;
  SearchFacets: ResolverTypeWrapper<SearchFacets>;
  SearchFilter: SearchFilter;
  Stats: ResolverTypeWrapper<Stats>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TraceStep: ResolverTypeWrapper<TraceStepModel>;
  UnresolvedConnection: ResolverTypeWrapper<Omit<UnresolvedConnection, 'edges'> & { edges: Array<ResolversTypes['UnresolvedEdge']> }>;
  UnresolvedEdge: ResolverTypeWrapper<Omit<UnresolvedEdge, 'node'> & { node: ResolversTypes['UnresolvedReference'] }>;
  UnresolvedReference: ResolverTypeWrapper<UnresolvedReferenceModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Citation: EdgeModel;
  CitationConnection: Omit<CitationConnection, 'edges'> & { edges: Array<ResolversParentTypes['CitationEdge']> };
  CitationEdge: Omit<CitationEdge, 'node'> & { node: ResolversParentTypes['Citation'] };
  Diagnostic: Diagnostic;
  Document: DocumentNodeModel;
  Evidence: EvidenceModel;
  FacetValue: FacetValue;
  Float: Scalars['Float']['output'];
  Highlight: Highlight;
  ID: Scalars['ID']['output'];
  ImplementerConnection: ImplementerConnectionModel;
  ImplementerEdge: Omit<ImplementerEdge, 'node' | 'path'> & { node: ResolversParentTypes['Document'], path: Array<ResolversParentTypes['Citation']> };
  ImplementerFilter: ImplementerFilter;
  IngestResult: Omit<IngestResult, 'document'> & { document: ResolversParentTypes['Document'] };
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  SearchConnection: Omit<SearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['SearchEdge']> };
  SearchEdge: Omit<SearchEdge, 'node'> & { node: ResolversParentTypes['Document'] };
  SearchFacets: SearchFacets;
  SearchFilter: SearchFilter;
  Stats: Stats;
  String: Scalars['String']['output'];
  TraceStep: TraceStepModel;
  UnresolvedConnection: Omit<UnresolvedConnection, 'edges'> & { edges: Array<ResolversParentTypes['UnresolvedEdge']> };
  UnresolvedEdge: Omit<UnresolvedEdge, 'node'> & { node: ResolversParentTypes['UnresolvedReference'] };
  UnresolvedReference: UnresolvedReferenceModel;
};

export type CitationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = {
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType, RequireFields<CitationEvidenceArgs, 'first'>>;
  evidenceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['Relation'], ParentType, ContextType>;
  stated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type CitationConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CitationConnection'] = ResolversParentTypes['CitationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CitationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CitationEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CitationEdge'] = ResolversParentTypes['CitationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Citation'], ParentType, ContextType>;
};

export type DiagnosticResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Diagnostic'] = ResolversParentTypes['Diagnostic']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DocumentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType, Partial<DocumentCitationsArgs>>;
  citedBy?: Resolver<ResolversTypes['CitationConnection'], ParentType, ContextType, RequireFields<DocumentCitedByArgs, 'first'>>;
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  implementedBy?: Resolver<ResolversTypes['ImplementerConnection'], ParentType, ContextType, RequireFields<DocumentImplementedByArgs, 'first'>>;
  ingested?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  issuer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['Level']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  province?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  symbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unresolved?: Resolver<Array<ResolversTypes['UnresolvedReference']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type EvidenceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceDocument?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FacetValueResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FacetValue'] = ResolversParentTypes['FacetValue']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HighlightResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Highlight'] = ResolversParentTypes['Highlight']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snippet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImplementerConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ImplementerConnection'] = ResolversParentTypes['ImplementerConnection']> = {
  byProvince?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['ImplementerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImplementerEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ImplementerEdge'] = ResolversParentTypes['ImplementerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
};

export type IngestResultResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['IngestResult'] = ResolversParentTypes['IngestResult']> = {
  citations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  diagnostics?: Resolver<Array<ResolversTypes['Diagnostic']>, ParentType, ContextType>;
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IngestStatus'], ParentType, ContextType>;
  unresolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LevelResolvers = { CENTRAL: 'trung ương', COMMUNE: 'xã', DISTRICT: 'huyện', PROVINCE: 'tỉnh' };

export type MutationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  ingestText?: Resolver<ResolversTypes['IngestResult'], ParentType, ContextType, RequireFields<MutationIngestTextArgs, 'name' | 'text'>>;
};

export type PageInfoResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentArgs, 'id'>>;
  documentsBySymbol?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentsBySymbolArgs, 'first' | 'symbol'>>;
  implementers?: Resolver<ResolversTypes['ImplementerConnection'], ParentType, ContextType, RequireFields<QueryImplementersArgs, 'first' | 'of' | 'transitive'>>;
  legalBasis?: Resolver<Array<ResolversTypes['TraceStep']>, ParentType, ContextType, RequireFields<QueryLegalBasisArgs, 'maxDepth' | 'of'>>;
  search?: Resolver<ResolversTypes['SearchConnection'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'query'>>;
  stats?: Resolver<ResolversTypes['Stats'], ParentType, ContextType>;
  unresolvedReferences?: Resolver<ResolversTypes['UnresolvedConnection'], ParentType, ContextType, RequireFields<QueryUnresolvedReferencesArgs, 'first'>>;
};

export type SearchConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SearchConnection'] = ResolversParentTypes['SearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SearchEdge']>, ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['SearchFacets'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SearchEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SearchEdge'] = ResolversParentTypes['SearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  highlights?: Resolver<Array<ResolversTypes['Highlight']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SearchFacetsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SearchFacets'] = ResolversParentTypes['SearchFacets']> = {
  kind?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
  level?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
  province?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
  year?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
};

export type StatsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Stats'] = ResolversParentTypes['Stats']> = {
  documents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ingested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  localities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unresolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TraceStepResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['TraceStep'] = ResolversParentTypes['TraceStep']> = {
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType, RequireFields<TraceStepEvidenceArgs, 'first'>>;
  evidenceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['Relation'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type UnresolvedConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnresolvedConnection'] = ResolversParentTypes['UnresolvedConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UnresolvedEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UnresolvedEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnresolvedEdge'] = ResolversParentTypes['UnresolvedEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UnresolvedReference'], ParentType, ContextType>;
};

export type UnresolvedReferenceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnresolvedReference'] = ResolversParentTypes['UnresolvedReference']> = {
  candidates?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  symbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = ApiContext> = {
  Citation?: CitationResolvers<ContextType>;
  CitationConnection?: CitationConnectionResolvers<ContextType>;
  CitationEdge?: CitationEdgeResolvers<ContextType>;
  Diagnostic?: DiagnosticResolvers<ContextType>;
  Document?: DocumentResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  FacetValue?: FacetValueResolvers<ContextType>;
  Highlight?: HighlightResolvers<ContextType>;
  ImplementerConnection?: ImplementerConnectionResolvers<ContextType>;
  ImplementerEdge?: ImplementerEdgeResolvers<ContextType>;
  IngestResult?: IngestResultResolvers<ContextType>;
  Level?: LevelResolvers;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SearchConnection?: SearchConnectionResolvers<ContextType>;
  SearchEdge?: SearchEdgeResolvers<ContextType>;
  SearchFacets?: SearchFacetsResolvers<ContextType>;
  Stats?: StatsResolvers<ContextType>;
  TraceStep?: TraceStepResolvers<ContextType>;
  UnresolvedConnection?: UnresolvedConnectionResolvers<ContextType>;
  UnresolvedEdge?: UnresolvedEdgeResolvers<ContextType>;
  UnresolvedReference?: UnresolvedReferenceResolvers<ContextType>;
};


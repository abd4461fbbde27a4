import type { VikingCore } from '../createVikingCore';
import type { Meta } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import {
  addDoc,
  addDocV2,
  deleteDoc,
  docInfo,
  listDocs,
  listDocsV2,
  scanDocs,
  searchDocsByFilter,
  updateDoc,
  updateDocMeta,
  type KnowledgeScanOptions,
} from './docs';
import { knowledgeWhere, type KnowledgeWhere } from './locator';
import { addPoint, deletePoint, listPoints, pointInfo, scanPoints, updatePoint } from './points';
import { searchKnowledge, searchKnowledgeCollection } from './search';
import type {
  AddDocParams,
  AddDocResult,
  AddDocV2Params,
  AddPointParams,
  AddPointResult,
  CollectionSearchParams,
  CollectionSearchResult,
  DocInfo,
  DocInfoParams,
  DocList,
  DocListV2,
  KnowledgeLocator,
  KnowledgeWriteResult,
  ListDocsParams,
  ListDocsV2Params,
  ListPointsParams,
  MetaItem,
  PointInfo,
  PointInfoParams,
  PointList,
  SearchDocsByFilterParams,
  SearchKnowledgeParams,
  SearchKnowledgeResult,
  UpdatePointParams,
} from './types';

export type { KnowledgeScanOptions } from './docs';

/** Documents of a knowledge base (contract §3.1). */
export interface KnowledgeDocs {
  /** `doc/v2/add`: imports a document from `uri` (URL or TOS), with tags. Processing continues in the background. */
  addV2(params: AddDocV2Params, options?: RequestOptions): Promise<AddDocResult>;
  /** `doc/add` (v1, deprecated by the service: prefer `addV2`; warns once). */
  add(params: AddDocParams, options?: RequestOptions): Promise<AddDocResult>;
  /** `doc/info`: one document with its processing status. */
  info(docId: string, params?: DocInfoParams, options?: RequestOptions): Promise<DocInfo & Meta>;
  /** `doc/list`: offset pagination. */
  list(params?: ListDocsParams, options?: RequestOptions): Promise<DocList>;
  /** `doc/v2/list`: cursor pagination (`nextToken`). */
  listV2(params?: ListDocsV2Params, options?: RequestOptions): Promise<DocListV2>;
  /** `doc/v2/search_by_filter`: documents whose tags match a filter. */
  searchByFilter(params: SearchDocsByFilterParams, options?: RequestOptions): Promise<DocList>;
  /** `doc/update_meta`: replaces the document's tags (send every tag to keep). */
  updateMeta(docId: string, meta: readonly MetaItem[], options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** `doc/update`: renames a document. */
  update(docId: string, params: { docName: string }, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** `doc/delete`. */
  delete(docId: string, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** Every document, page by page over `doc/v2/list`'s cursor. */
  scan(options?: KnowledgeScanOptions): AsyncGenerator<DocInfo, void, undefined>;
}

/** Points (chunks) of a knowledge base (contract §3.2). */
export interface KnowledgePoints {
  /** `point/add`: adds a chunk to a document; answers its `pointId`. */
  add(params: AddPointParams, options?: RequestOptions): Promise<AddPointResult>;
  /** `point/info`. */
  info(pointId: string, params?: PointInfoParams, options?: RequestOptions): Promise<PointInfo & Meta>;
  /** `point/list`: offset pagination, optionally of some documents or points. */
  list(params?: ListPointsParams, options?: RequestOptions): Promise<PointList>;
  /** `point/update`: changes a chunk's title, content, question or fields. */
  update(pointId: string, params: UpdatePointParams, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** `point/delete`. */
  delete(pointId: string, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** Every point (of `docIds` when given), page by page over `point/list`. */
  scan(
    options?: KnowledgeScanOptions & { docIds?: readonly string[] | undefined },
  ): AsyncGenerator<PointInfo, void, undefined>;
}

/** One knowledge base: documents, points and retrieval. */
export interface KnowledgeCollection {
  /** The wire keys that address it (`project` only when given). */
  readonly locator: Readonly<KnowledgeWhere>;
  readonly docs: KnowledgeDocs;
  readonly points: KnowledgePoints;
  /** `collection/search`. */
  search(params: CollectionSearchParams, options?: RequestOptions): Promise<CollectionSearchResult>;
  /** `collection/search_knowledge`. */
  searchKnowledge(params: SearchKnowledgeParams, options?: RequestOptions): Promise<SearchKnowledgeResult>;
}

/** The object form of a knowledge base's calls: each method calls its standalone function (docs, points, search). */
export function createKnowledgeCollection(core: VikingCore, collection: KnowledgeLocator): KnowledgeCollection {
  // Checked now, so a bad locator fails where the knowledge base is named rather than at its first call.
  const locator = knowledgeWhere(collection);
  return {
    locator,
    docs: {
      addV2: (params, options) => addDocV2(core, collection, params, options),
      add: (params, options) => addDoc(core, collection, params, options),
      info: (docId, params, options) => docInfo(core, collection, docId, params, options),
      list: (params, options) => listDocs(core, collection, params, options),
      listV2: (params, options) => listDocsV2(core, collection, params, options),
      searchByFilter: (params, options) => searchDocsByFilter(core, collection, params, options),
      updateMeta: (docId, meta, options) => updateDocMeta(core, collection, docId, meta, options),
      update: (docId, params, options) => updateDoc(core, collection, docId, params, options),
      delete: (docId, options) => deleteDoc(core, collection, docId, options),
      scan: (options) => scanDocs(core, collection, options),
    },
    points: {
      add: (params, options) => addPoint(core, collection, params, options),
      info: (pointId, params, options) => pointInfo(core, collection, pointId, params, options),
      list: (params, options) => listPoints(core, collection, params, options),
      update: (pointId, params, options) => updatePoint(core, collection, pointId, params, options),
      delete: (pointId, options) => deletePoint(core, collection, pointId, options),
      scan: (options) => scanPoints(core, collection, options),
    },
    search: (params, options) => searchKnowledgeCollection(core, collection, params, options),
    searchKnowledge: (params, options) => searchKnowledge(core, collection, params, options),
  };
}

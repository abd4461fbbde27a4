/**
 * Document endpoints (knowledge api doc §3.1): `doc/add` (v1: `add_type` url|tos|lark with `url`/`tos_path`/
 * `lark_file`), `doc/v2/add` (`uri`: http(s)://, data:, file:, tos://, or a Feishu/Lark link), `doc/info`,
 * `doc/list` (offset/limit, `-1` = all), `doc/v2/list` (cursor `next_token`), `doc/v2/search_by_filter`,
 * `doc/update` (name), `doc/update_meta` (replaces the tag list), `doc/delete` (with its points).
 *
 * Adding answers at once with `doc_id` and `task_id`; the doc is stored `processing` (status 2) in the same commit
 * and imported in the background (see `DocumentProcessor`). TOS and Lark sources are stored `failed` at once with
 * code 10006: the local server cannot reach them. Dedup (`dedup` object, v1 and v2): `doc_name_dedup` refuses a
 * name that an existing doc has (400 listing the ids) — or with `auto_skip` adds nothing and answers
 * `dedup_info: {skip: true, same_doc_ids}`; `content_dedup` compares content hashes: at once for `data:` URLs (same
 * answers as for names), otherwise when the download finished (the new doc is marked failed with code 10009).
 */
import { quote, quoteList } from '../quote';
import type { BodyReader } from '../../BodyReader';
import { EngineError, invalid, missing } from '../../EngineError';
import type { EngineContext, Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import { contentHash } from '../DocumentProcessor';
import { filterDocs } from '../docFilter';
import type { KnowledgeChange, KnowledgeCollection } from '../KnowledgeCollection';
import { PROCESS_FAILED, PROCESS_RUNNING, type DocRecord, type DocSource, type MetaItem } from '../KnowledgeRecords';
import { decodeDataUrl, unreachableSource } from '../loadSource';
import { readMetaItems } from '../readMetaItems';
import { resolveKnowledgeCollection } from '../resolveKnowledgeCollection';
import { docInfo } from '../wireShapes';

/** Longest doc id / doc name accepted. */
const MAX_ID_LENGTH = 256;
const CONTROL = /\p{Cc}|\p{Cs}/u;

/** A doc id as sent (checked: non-empty, at most 256 characters, no control characters). */
export function readDocId(body: BodyReader, key = 'doc_id'): string {
  const id = body.string(key);
  if (id === '' || id.length > MAX_ID_LENGTH || CONTROL.test(id))
    throw invalid(`${body.at(key)} must be 1–${MAX_ID_LENGTH} characters without control characters`);
  return id;
}

/** The doc, or 404 DocNotExist (1001001). */
export function requireDoc(collection: KnowledgeCollection, docId: string): DocRecord {
  const doc = collection.docs.get(docId);
  if (!doc)
    throw new EngineError('docNotFound', `doc not exist: ${quote(docId)} in collection '${collection.config.name}'`);
  return doc;
}

function sourceOfUri(uri: string, path: string): DocSource {
  const lower = uri.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://')) {
    let host: string;
    try {
      host = new URL(uri).hostname;
    } catch {
      throw invalid(`${path} is not a valid URL`);
    }
    if (/(^|\.)(feishu\.cn|larksuite\.com|larkoffice\.com)$/.test(host)) return { kind: 'lark', url: uri };
    return { kind: 'url', url: uri };
  }
  if (lower.startsWith('data:')) return { kind: 'data', url: uri };
  if (lower.startsWith('file:')) return { kind: 'file', path: uri };
  if (lower.startsWith('tos://')) return { kind: 'tos', path: uri };
  throw invalid(`${path} must be an http(s)://, data:, file: or tos:// URI (got '${uri.slice(0, 60)}')`);
}

function addTypeOf(source: DocSource): string {
  return source.kind === 'lark' ? 'lark_file' : source.kind === 'none' ? 'url' : source.kind;
}

function defaultName(source: DocSource): string {
  if (source.kind === 'url' || source.kind === 'lark' || source.kind === 'file' || source.kind === 'tos') {
    const where = source.kind === 'url' || source.kind === 'lark' ? source.url : source.path;
    const last = where
      .split(/[?#]/)[0]!
      .split('/')
      .filter((part) => part !== '')
      .at(-1);
    if (last) return decodeURIComponentSafe(last);
  }
  return 'document';
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function newDocId(context: EngineContext, collection: KnowledgeCollection): string {
  for (;;) {
    const digits = Array.from({ length: 12 }, () => Math.floor(context.random() * 10)).join('');
    const id = `_sys_auto_gen_doc_id-${context.now().toString(10)}${digits}`;
    if (!collection.docs.has(id)) return id;
  }
}

interface AddInput {
  source: DocSource;
  docId?: string | undefined;
  docName?: string | undefined;
  docType?: string | undefined;
  description?: string | undefined;
  tags: MetaItem[];
  dedup: { content_dedup?: boolean; doc_name_dedup?: boolean; auto_skip?: boolean };
}

function readDedup(body: BodyReader): AddInput['dedup'] {
  const dedup = body.optionalObject('dedup');
  if (!dedup) return {};
  const result: AddInput['dedup'] = {};
  for (const key of ['content_dedup', 'doc_name_dedup', 'auto_skip'] as const) {
    const value = dedup.optionalBoolean(key);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function optionalName(body: BodyReader, key: string): string | undefined {
  const value = body.optionalString(key);
  if (value !== undefined && (value.length > MAX_ID_LENGTH || CONTROL.test(value)))
    throw invalid(`${body.at(key)} must be at most ${MAX_ID_LENGTH} characters without control characters`);
  return value === '' ? undefined : value;
}

async function addDocument(context: EngineContext, collection: KnowledgeCollection, input: AddInput) {
  return context.writes.run(async () => {
    const base = {
      collection_name: collection.config.name,
      project: collection.config.projectName,
      resource_id: collection.config.resourceId ?? '',
    };
    if (input.docId !== undefined && collection.docs.has(input.docId))
      throw invalid(`doc_id ${quote(input.docId)} already exists in collection '${collection.config.name}'`);
    const name = input.docName ?? defaultName(input.source);
    let sameIds: string[] = [];
    let reason = '';
    if (input.dedup.doc_name_dedup) {
      sameIds = [...collection.docs.values()].filter((doc) => doc.doc_name === name).map((doc) => doc.doc_id);
      reason = `doc_name ${quote(name)}`;
    }
    let hash: string | undefined;
    if (sameIds.length === 0 && input.dedup.content_dedup && input.source.kind === 'data') {
      try {
        const loaded = decodeDataUrl(input.source.url, context.knowledgeImport.maxDocumentBytes);
        hash = contentHash(loaded.bytes);
      } catch {
        hash = undefined; // the import will fail with the reason
      }
      if (hash !== undefined) {
        sameIds = [...collection.docs.values()].filter((doc) => doc.doc_hash === hash).map((doc) => doc.doc_id);
        reason = 'content';
      }
    }
    if (sameIds.length > 0) {
      if (!input.dedup.auto_skip)
        throw invalid(
          `dedup: a doc with the same ${reason} exists (${quoteList(sameIds)}); set dedup.auto_skip to skip it`,
        );
      return {
        ...base,
        doc_id: sameIds[0]!,
        task_id: 0,
        dedup_info: { skip: true, same_doc_ids: sameIds },
        more_info: `skipped: same ${reason}`,
      };
    }
    const now = context.now();
    const docId = input.docId ?? newDocId(context, collection);
    const failure = unreachableSource(input.source);
    const doc: DocRecord = {
      doc_id: docId,
      doc_name: name,
      doc_type: input.docType ?? '',
      ...(input.description !== undefined && { description: input.description }),
      add_type: addTypeOf(input.source),
      source: input.source,
      tags: input.tags,
      create_time: now,
      update_time: now,
      task_id: collection.nextTaskId(now),
      status: failure
        ? { process_status: PROCESS_FAILED, failed_code: failure.code, failed_msg: failure.message }
        : { process_status: PROCESS_RUNNING },
      ...((input.dedup.content_dedup || input.dedup.auto_skip) && {
        dedup: { content_dedup: input.dedup.content_dedup, auto_skip: input.dedup.auto_skip },
      }),
    };
    await commitChanges(context, collection, [{ kind: 'docs', key: docId, value: doc }]);
    if (!failure) context.documents.enqueue(collection, docId);
    return {
      ...base,
      doc_id: docId,
      task_id: doc.task_id,
      dedup_info: { skip: false, same_doc_ids: [] },
      more_info: '',
    };
  });
}

function readTags(body: BodyReader, key: string, collection: KnowledgeCollection): MetaItem[] {
  const raw = body.optionalArray(key);
  return raw ? readMetaItems(raw, body.at(key), collection.config) : [];
}

/** Adds a document from `source` with the fields both versions of doc/add share; tags come from `tagsKey`. */
function addFromBody(
  context: EngineContext,
  collection: KnowledgeCollection,
  body: BodyReader,
  source: DocSource,
  tagsKey: 'meta' | 'tag_list',
) {
  return addDocument(context, collection, {
    source,
    docId: body.has('doc_id') ? readDocId(body) : undefined,
    docName: optionalName(body, 'doc_name'),
    docType: optionalName(body, 'doc_type'),
    description: body.optionalString('description'),
    tags: readTags(body, tagsKey, collection),
    dedup: readDedup(body),
  });
}

/** `POST /api/knowledge/doc/add` (v1). */
export const addDoc: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const addType = body.string('add_type');
  let source: DocSource;
  if (addType === 'url') {
    const url = body.optionalString('url');
    if (url === undefined || url === '') throw missing('url', "is required when add_type is 'url'");
    source = sourceOfUri(url, 'url');
    if (source.kind === 'tos') source = { kind: 'tos', path: url };
  } else if (addType === 'tos') {
    const path = body.optionalString('tos_path');
    if (path === undefined || path === '') throw missing('tos_path', "is required when add_type is 'tos'");
    source = { kind: 'tos', path };
  } else if (addType === 'lark' || addType === 'lark_file') {
    const lark = body.optionalObject('lark_file');
    source = { kind: 'lark', url: lark?.optionalString('url') ?? body.optionalString('url') ?? '' };
  } else throw invalid(`add_type must be 'url', 'tos' or 'lark' (got '${addType.slice(0, 40)}')`);
  return addFromBody(context, collection, body, source, 'meta');
};

/** `POST /api/knowledge/doc/v2/add`. */
export const addDocV2: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const uri = body.optionalString('uri');
  if (uri === undefined || uri === '') throw missing('uri', 'is required (an http(s)://, data:, file: or tos:// URI)');
  body.optionalStringArray('path_segments');
  body.optionalString('strategy_resource_id');
  return addFromBody(context, collection, body, sourceOfUri(uri, 'uri'), 'tag_list');
};

/** `POST /api/knowledge/doc/info`. */
export const docInfoHandler: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const doc = requireDoc(collection, readDocId(body));
  return docInfo(collection, doc, body.optionalBoolean('return_token_usage') ?? false);
};

function sortedDocs(collection: KnowledgeCollection): DocRecord[] {
  return [...collection.docs.values()].sort((a, b) =>
    a.create_time !== b.create_time ? a.create_time - b.create_time : a.doc_id < b.doc_id ? -1 : 1,
  );
}

/** `POST /api/knowledge/doc/list`: `offset` (default 0), `limit` (default -1 = all), `doc_type`, `filter.doc_id_list`. */
export const listDocs: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const offset = body.optionalInteger('offset', { min: 0 }) ?? 0;
  const limit = body.optionalInteger('limit', { min: -1 }) ?? -1;
  const docType = body.optionalString('doc_type');
  const ids = body.optionalObject('filter')?.optionalStringArray('doc_id_list');
  const withTokens = body.optionalBoolean('return_token_usage') ?? false;
  const idSet = ids ? new Set(ids) : undefined;
  const matching = sortedDocs(collection).filter(
    (doc) => (docType === undefined || docType === '' || doc.doc_type === docType) && (!idSet || idSet.has(doc.doc_id)),
  );
  const page = matching.slice(offset, limit === -1 ? undefined : offset + limit);
  return {
    collection_name: collection.config.name,
    doc_list: page.map((doc) => docInfo(collection, doc, withTokens)),
    count: page.length,
    total_num: matching.length,
  };
};

const cursorOf = (doc: DocRecord) => `${doc.create_time}.${doc.doc_id}`;

/** `POST /api/knowledge/doc/v2/list`: `limit` (default 20), `next_token` (cursor from the previous page). */
export const listDocsV2: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const limit = body.optionalInteger('limit', { min: 1, max: 1000 }) ?? 20;
  const token = body.optionalString('next_token') ?? '';
  const all = sortedDocs(collection);
  let start = 0;
  if (token !== '') {
    const match = /^(\d+)\.(.+)$/s.exec(token);
    if (!match) throw invalid('next_token is not a token this server gave out');
    const time = Number(match[1]);
    const id = match[2]!;
    start = all.findIndex((doc) => doc.create_time > time || (doc.create_time === time && doc.doc_id > id));
    if (start < 0) start = all.length;
  }
  const page = all.slice(start, start + limit);
  const hasMore = start + page.length < all.length;
  return {
    collection_name: collection.config.name,
    doc_list: page.map((doc) => docInfo(collection, doc)),
    count: page.length,
    total_num: all.length,
    has_more: hasMore,
    next_token: hasMore && page.length > 0 ? cursorOf(page[page.length - 1]!) : '',
  };
};

/** `POST /api/knowledge/doc/v2/search_by_filter`: `filter` (filter DSL over tags and `doc_id`), `limit` (default 100). */
export const searchDocsByFilter: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const filter = body.raw('filter');
  if (filter === undefined) throw missing('filter');
  const limit = body.optionalInteger('limit', { min: 1, max: 10_000 }) ?? 100;
  const kept = filterDocs(collection, filter, 'filter');
  const matching = sortedDocs(collection).filter((doc) => kept.has(doc.doc_id));
  const page = matching.slice(0, limit);
  return {
    collection_name: collection.config.name,
    doc_list: page.map((doc) => docInfo(collection, doc)),
    count: page.length,
    total_num: matching.length,
  };
};

async function changeDoc(
  context: EngineContext,
  body: BodyReader,
  change: (doc: DocRecord, collection: KnowledgeCollection) => DocRecord,
): Promise<Record<string, unknown>> {
  const collection = resolveKnowledgeCollection(context, body);
  const docId = readDocId(body);
  return context.writes.run(async () => {
    const doc = requireDoc(collection, docId);
    const next = { ...change(doc, collection), update_time: context.now() };
    await commitChanges(context, collection, [{ kind: 'docs', key: docId, value: next }]);
    return {};
  });
}

/** `POST /api/knowledge/doc/update`: renames (`doc_name` required). */
export const updateDoc: Handler = async (context, body) => {
  const name = optionalName(body, 'doc_name');
  if (name === undefined) throw missing('doc_name');
  return changeDoc(context, body, (doc) => ({ ...doc, doc_name: name }));
};

/** `POST /api/knowledge/doc/update_meta`: `meta` replaces the whole tag list. */
export const updateDocMeta: Handler = async (context, body) => {
  const raw = body.array('meta');
  const collection = resolveKnowledgeCollection(context, body);
  const tags = readMetaItems(raw, 'meta', collection.config);
  return changeDoc(context, body, (doc) => ({ ...doc, tags }));
};

/** `POST /api/knowledge/doc/delete`: the doc and all its points, in one commit. */
export const deleteDoc: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const docId = readDocId(body);
  return context.writes.run(async () => {
    requireDoc(collection, docId);
    const changes: KnowledgeChange[] = collection
      .pointsOf(docId)
      .map((point) => ({ kind: 'points', key: point.point_id, value: undefined }));
    changes.push({ kind: 'docs', key: docId, value: undefined });
    await commitChanges(context, collection, changes);
    return {};
  });
};

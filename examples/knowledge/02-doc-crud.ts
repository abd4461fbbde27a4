/** Knowledge walkthrough 02: add a document with tags, read it, re-tag, rename, list and filter, delete. */
import type { MetaItem } from 'vikingdb-kit/client';
import { collectionOf, loadEnv, report, sessionTag, type ExampleEnv } from '../shared/env';

/** Polls `docs.info` until the document is no longer processing (`process_status` 0 done, 1 failed) or time is up. */
async function waitForProcessing(read: () => Promise<{ status?: { processStatus?: number | undefined } | undefined }>) {
  for (let i = 0; i < 30; i++) {
    const doc = await read();
    const state = doc.status?.processStatus;
    if (state === undefined || state === 0 || state === 1) return doc;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  return read();
}

export async function main(env: ExampleEnv = loadEnv({ collection: 'financial_reports', index: '' })) {
  const kb = env.client.knowledge.collection(collectionOf(env));
  const docId = sessionTag('report');
  const tags: MetaItem[] = [
    { fieldName: 'category', fieldType: 'string', fieldValue: 'financial_report' },
    { fieldName: 'quarter', fieldType: 'string', fieldValue: 'Q1' },
    { fieldName: 'year', fieldType: 'int64', fieldValue: 2025 },
  ];
  const added = await kb.docs.addV2({
    docId,
    docName: 'Google 2025 Q1 Financial Report',
    docType: 'pdf',
    uri: process.env['VIKINGDB_DOC_URI'] ?? 'https://pdf.dfcfw.com/pdf/H3_AP202504281663850212_1.pdf',
    tagList: tags,
  });
  report('AddDocV2', added, { docId: added.docId });

  const info = await kb.docs.info(docId, { returnTokenUsage: true });
  report('GetDoc', info, { name: info.docName, status: info.status?.processStatus, tags: info.meta.length });

  const updatedMeta = await kb.docs.updateMeta(docId, [
    ...tags,
    { fieldName: 'updated_at', fieldType: 'int64', fieldValue: 1714560000 },
  ]);
  report('UpdateDocMeta', updatedMeta);
  await waitForProcessing(() => kb.docs.info(docId));

  const renamed = await kb.docs.update(docId, { docName: 'Google 2025 Q1 Financial Report-updated' });
  report('UpdateDoc', renamed);

  const listed = await kb.docs.list({ offset: 0, limit: 10, filter: { docIdList: [docId] }, returnTokenUsage: true });
  report('ListDocs', listed, { count: listed.count, names: listed.items.map((d) => d.docName) });
  const firstPage = await kb.docs.listV2({ limit: 2 });
  report('ListDocsV2', firstPage, { count: firstPage.items.length, hasMore: firstPage.hasMore });
  const filtered = await kb.docs.searchByFilter({
    filter: { op: 'must', field: 'category', conds: ['financial_report'] },
    limit: 10,
  });
  report('SearchDocsByFilter', filtered, { count: filtered.items.length });

  const deleted = await kb.docs.delete(docId);
  report('DeleteDoc', deleted);
  return { docId, listed: listed.items.length, filtered: filtered.items.length };
}

/** Knowledge walkthrough 03: add a chunk (point) to a document by hand, read, list, update and delete it. */
import { collectionOf, loadEnv, report, sessionTag, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'financial_reports', index: '' })) {
  const kb = env.client.knowledge.collection(collectionOf(env));
  const docId = process.env['VIKINGDB_DOC_ID'] ?? sessionTag('faq');
  if (!process.env['VIKINGDB_DOC_ID']) {
    // A document needs a source; its own chunks come from the import, the walkthrough's point is added by hand.
    const uri = process.env['VIKINGDB_DOC_URI'] ?? 'https://pdf.dfcfw.com/pdf/H3_AP202504281663850212_1.pdf';
    report('AddDocV2', await kb.docs.addV2({ docId, docName: 'Points walkthrough', docType: 'pdf', uri }));
  }
  const added = await kb.points.add({
    docId,
    chunkType: 'text',
    chunkTitle: 'Revenue',
    content: 'Revenue grew 12% year over year to $3.4B in 2025 Q1.',
    question: 'How did revenue change in 2025 Q1?',
  });
  report('AddPoint', added, { pointId: added.pointId, chunkId: added.chunkId });
  const pointId = added.pointId!;

  const point = await kb.points.info(pointId);
  report('GetPoint', point, { title: point.chunkTitle, content: point.content });
  const listed = await kb.points.list({ docIds: [docId], limit: 10 });
  report('ListPoints', listed, { count: listed.items.length });

  report('UpdatePoint', await kb.points.update(pointId, { content: 'Revenue grew 12% YoY to $3.4B (updated).' }));
  const updated = await kb.points.info(pointId);
  report('GetPoint', updated, { content: updated.content });

  report('DeletePoint', await kb.points.delete(pointId));
  if (!process.env['VIKINGDB_DOC_ID']) report('DeleteDoc', await kb.docs.delete(docId));
  return { pointId, listed: listed.items.length, content: updated.content };
}

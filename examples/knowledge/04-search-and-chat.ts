/**
 * Knowledge walkthrough 04: retrieval (collection search and search_knowledge), rerank, a chat completion — whole and
 * streamed — on the retrieved context, and a streamed service chat when VIKINGDB_SERVICE_RESOURCE_ID names one.
 */
import { collectText } from 'vikingdb-kit/client';
import { collectionOf, loadEnv, report, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'financial_reports', index: '' })) {
  const kb = env.client.knowledge.collection(collectionOf(env));
  const query = '2025 Q1 revenue growth';

  const searched = await kb.search({ query, limit: 10, denseWeight: 0.5, retrieveCount: 25 });
  report('SearchCollection', searched, { hits: searched.items.length });
  const knowledge = await kb.searchKnowledge({
    query,
    limit: 5,
    preProcessing: { needInstruction: true, rewrite: false },
    postProcessing: { rerankSwitch: true, chunkGroup: true },
  });
  report('SearchKnowledge', knowledge, { hits: knowledge.items.length, rewritten: knowledge.rewriteQuery });

  const reranked = await env.client.knowledge.rerank({
    datas: [
      { query, content: 'Revenue grew 12% YoY to $3.4B.', title: 'Revenue' },
      { query, content: 'Operating margin improved by 1.5pp to 17%.', title: 'Margin' },
    ],
    rerankModel: 'm3-v2-rerank',
  });
  report('Rerank', reranked, { scores: reranked.scores });

  const context = knowledge.items.map((item) => item.content ?? '').join('\n');
  const messages = [
    {
      role: 'system',
      content: `Answer from the financial report excerpts in <context>.\n<context>${context}</context>`,
    },
    { role: 'user', content: 'Summarise the 2025 Q1 revenue performance.' },
  ];
  const model = process.env['VIKINGDB_CHAT_MODEL'] ?? 'Doubao-1-5-pro-32k';
  const whole = await env.client.knowledge.chatCompletion({ model, messages, maxTokens: 512, returnTokenUsage: true });
  report('ChatCompletion', whole, { answer: whole.generatedAnswer.slice(0, 80), usage: whole.usage });

  const stream = await env.client.knowledge.chatCompletion({ model, messages, maxTokens: 512, stream: true });
  let streamed = '';
  for await (const chunk of stream) {
    streamed += chunk.generatedAnswer;
    if (chunk.usage) console.log('usage', JSON.stringify(chunk.usage));
  }
  report('ChatCompletion (stream)', stream, { chunks: stream.chunkCount, answer: streamed.slice(0, 80) });

  const serviceResourceId = process.env['VIKINGDB_SERVICE_RESOURCE_ID'];
  let serviceAnswer: string | undefined;
  if (serviceResourceId) {
    const service = await env.client.knowledge.serviceChat({
      serviceResourceId,
      messages: [{ role: 'user', content: 'List three highlights of the 2025 Q1 report.' }],
      stream: true,
    });
    serviceAnswer = await collectText(service);
    report('ServiceChat (stream)', service, { answer: serviceAnswer.slice(0, 80) });
  }
  return { hits: knowledge.items.length, scores: reranked.scores.length, streamed: streamed.length, serviceAnswer };
}

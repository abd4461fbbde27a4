// size-limit entry: the smallest knowledge app — create a client, retrieve with searchKnowledge, stream a chat answer.
import { chatCompletion, createVikingCore, searchKnowledge, signingProxy } from 'vikingdb-kit/client';

const viking = createVikingCore({ auth: signingProxy('/vikingdb') });
const found = await searchKnowledge(viking, 'financial_reports', { query: 'revenue', limit: 3 });
const context = found.items.map((item) => item.content).join('\n');
const stream = await chatCompletion(viking, {
  model: 'Doubao-1-5-pro-32k',
  messages: [{ role: 'user', content: `${context}\n\nHow did revenue change?` }],
  stream: true,
});
for await (const chunk of stream) console.log(chunk.generatedAnswer);

// size-limit entry: the smallest app that creates a client and runs one search (standalone operation functions).
import { createVikingCore, searchByMultiModal, signingProxy } from 'vikingdb-kit/client';

const viking = createVikingCore({ auth: signingProxy('/vikingdb') });
const hits = await searchByMultiModal(viking, { collection: 'docs', index: 'docs_index' }, { text: 'hello', limit: 5 });
console.log(hits.items.length);

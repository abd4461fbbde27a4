import type { Endpoint } from '../../src/client/transport/Endpoint';

/** A read endpoint (idempotent) for transport tests. */
export const searchRandom: Endpoint = {
  name: 'vector.search.random',
  method: 'POST',
  path: '/api/vikingdb/data/search/random',
  domain: 'vector',
  idempotent: true,
};

/** A write that is not idempotent, like memory addSession. */
export const addSession: Endpoint = {
  name: 'memory.session.add',
  method: 'POST',
  path: '/api/memory/session/add',
  domain: 'memory',
  idempotent: false,
};

/**
 * The endpoint catalog is the one list of API paths: the engine's routes, the local HTTP layer's pings and the
 * signing proxy's allow list are all derived from it, and it agrees with the wire contract documents.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  domainOfPath,
  endpointsByPath,
  ENDPOINTS,
  isReadOnly,
  methodsOf,
  PINGS,
  VECTOR_UPSERT,
  VECTOR_UPSERT_AUTO_ID,
  type CatalogEndpoint,
} from '../../../src/client/endpoints';
import { ACTIONS, buildRoutes, ROUTES } from '../../../src/server/local/engine/routes';
import { ALL_PATHS, READ_ONLY_PATHS } from '../../../src/server/proxy/allowList';

const paths = ENDPOINTS.map((endpoint) => endpoint.path);

describe('endpoint catalog', () => {
  it('holds every path once: 16 vector, 15 memory and 20 knowledge paths (pings included)', () => {
    expect(new Set(paths).size).toBe(paths.length);
    const count = (domain: string) => ENDPOINTS.filter((endpoint) => endpoint.domain === domain).length;
    expect([count('vector'), count('memory'), count('knowledge'), ENDPOINTS.length]).toEqual([16, 15, 20, 51]);
    expect(endpointsByPath().size).toBe(51);
  });

  it('names every path of the vector/memory and knowledge wire contracts, and nothing else', () => {
    const contract = ['vikingdb-v2-api.md', 'vikingdb-knowledge-api.md']
      .map((file) => readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8'))
      .join('\n');
    for (const path of paths) expect(contract, path).toContain(path.replace(/^\/api\/knowledge/, ''));
  });

  it('gives each entry a name, methods starting with the one the client sends, and a consistent effect', () => {
    for (const endpoint of ENDPOINTS) {
      expect(endpoint.name.startsWith(`${endpoint.domain}.`), endpoint.path).toBe(true);
      expect(methodsOf(endpoint)[0], endpoint.path).toBe(endpoint.method);
      // Whatever only reads may be repeated; whatever creates may not.
      if (isReadOnly(endpoint)) expect(endpoint.idempotent, endpoint.path).toBe(true);
      expect(endpoint.idempotent, endpoint.path).toBe(endpoint.effect !== 'create');
      // Data paths are POST only, pings answer GET.
      if (!PINGS.includes(endpoint)) expect(methodsOf(endpoint), endpoint.path).toEqual(['POST']);
    }
    expect(PINGS.map((ping) => [ping.path, methodsOf(ping)])).toEqual([
      ['/api/vikingdb/Ping', ['GET', 'POST']],
      ['/api/memory/ping', ['GET']],
      ['/ping', ['GET']],
    ]);
  });

  it('marks the calls that create something new as not idempotent, and only those', () => {
    const creating = ENDPOINTS.filter((endpoint) => !endpoint.idempotent).map((endpoint) => endpoint.path);
    expect(creating).toEqual([
      '/api/memory/session/add',
      '/api/memory/event/add',
      '/api/memory/profile/add',
      '/api/memory/profile/trigger_update',
      '/api/knowledge/doc/add',
      '/api/knowledge/doc/v2/add',
      '/api/knowledge/point/add',
    ]);
    expect(VECTOR_UPSERT.idempotent).toBe(true);
    expect({ ...VECTOR_UPSERT_AUTO_ID, idempotent: true }).toEqual(VECTOR_UPSERT);
  });

  it('knows the domain of any path, in the catalog or not', () => {
    for (const endpoint of ENDPOINTS) expect(domainOfPath(endpoint.path), endpoint.path).toBe(endpoint.domain);
    expect(domainOfPath('/api/knowledge')).toBe('knowledge');
    expect(domainOfPath('/api/memory/nope')).toBe('memory');
    expect(domainOfPath('/api/memoryx')).toBe('vector');
    expect(domainOfPath('/nope')).toBe('vector');
  });
});

describe('derived from the catalog', () => {
  it('the engine routes every catalog path to a handler, and routes nothing else', () => {
    expect([...ROUTES.keys()]).toEqual(paths);
    expect([...ACTIONS.keys()].sort()).toEqual([...paths].sort());
    for (const [path, route] of ROUTES) {
      expect(route.endpoint.path).toBe(path);
      // Only the pings are answered without a handler.
      expect(route.handler === undefined, path).toBe(PINGS.includes(route.endpoint));
    }
  });

  it('building routes fails on a catalog path without a handler and on a handler without a catalog path', () => {
    const extra: CatalogEndpoint = { ...VECTOR_UPSERT, path: '/api/vikingdb/data/new' };
    expect(() => buildRoutes([...ENDPOINTS, extra], ACTIONS)).toThrow(/no handler for \[\/api\/vikingdb\/data\/new\]/);
    const stray = new Map([...ACTIONS, ['/api/vikingdb/old', { api: 'Old', handler: undefined }]]);
    expect(() => buildRoutes(ENDPOINTS, stray)).toThrow(/not in the catalog \[\/api\/vikingdb\/old\]/);
  });

  it('the proxy allows exactly the catalog paths, and its read-only preset the read-only ones', () => {
    expect(ALL_PATHS).toEqual(paths);
    expect(READ_ONLY_PATHS).toEqual(ENDPOINTS.filter(isReadOnly).map((endpoint) => endpoint.path));
  });
});

import type { V4SignInput } from '../../src/client/auth/signV4';

/** The four signing test vectors of vikingdb-v2-api.md §1.5, with their expected outputs. */
export interface SigningVector {
  name: string;
  input: V4SignInput;
  expected: {
    bodyHash: string;
    canonicalRequest?: string;
    stringToSign?: string;
    signedHeaders: string;
    signature: string;
    authorization: string;
  };
}

const credentials = { accessKeyId: 'AKLTexampleAccessKeyId', secretAccessKey: 'exampleSecretKey==' };
const jan1 = new Date('2025-01-01T00:00:00Z');
const searchBody = '{"collection_name":"demo","index_name":"demo_idx","limit":1}';
const searchHash = '96c1cbb1ecf3f7041d081cddc920426edde838e7eabe72ebfb4088b3f29a4273';

export const SIGNING_VECTORS: readonly SigningVector[] = [
  {
    name: '1: Python-style vector request, host not signed',
    input: {
      method: 'POST',
      path: '/api/vikingdb/data/search/random',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': 'vikingdb-python-sdk/0.1.26',
      },
      body: searchBody,
      credentials,
      region: 'cn-beijing',
      service: 'vikingdb',
      date: jan1,
    },
    expected: {
      bodyHash: searchHash,
      canonicalRequest: `POST\n/api/vikingdb/data/search/random\n\ncontent-type:application/json\nx-content-sha256:${searchHash}\nx-date:20250101T000000Z\n\ncontent-type;x-content-sha256;x-date\n${searchHash}`,
      stringToSign:
        'HMAC-SHA256\n20250101T000000Z\n20250101/cn-beijing/vikingdb/request\n31ae20abef9bfc61a1452d8c2288468da2cb1ed8521f2612888a607d9476c176',
      signedHeaders: 'content-type;x-content-sha256;x-date',
      signature: 'f224c0115ace6bf0ac5f3a33b5caa2a55027c56bf710f9281df4225c4377cb30',
      authorization:
        'HMAC-SHA256 Credential=AKLTexampleAccessKeyId/20250101/cn-beijing/vikingdb/request, SignedHeaders=content-type;x-content-sha256;x-date, Signature=f224c0115ace6bf0ac5f3a33b5caa2a55027c56bf710f9281df4225c4377cb30',
    },
  },
  {
    name: '2: Go/Java-style, Host signed',
    input: {
      method: 'POST',
      path: '/api/vikingdb/data/search/random',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': 'x',
        Host: 'api-vikingdb.vikingdb.cn-beijing.volces.com',
      },
      body: searchBody,
      credentials,
      region: 'cn-beijing',
      service: 'vikingdb',
      date: jan1,
    },
    expected: {
      bodyHash: searchHash,
      signedHeaders: 'content-type;host;x-content-sha256;x-date',
      signature: '6e648e73fb06d27537a0f0aa0425730f17886a20bd3fa027993fd43736f71ab1',
      authorization:
        'HMAC-SHA256 Credential=AKLTexampleAccessKeyId/20250101/cn-beijing/vikingdb/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=6e648e73fb06d27537a0f0aa0425730f17886a20bd3fa027993fd43736f71ab1',
    },
  },
  {
    name: '3: memory, service air',
    input: {
      method: 'POST',
      path: '/api/memory/search',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': 'vikingdb-python-sdk/0.1.26',
      },
      body: '{"collection_name": "sdk_test", "project_name": "default", "query": "weather", "limit": 10}',
      credentials,
      region: 'cn-beijing',
      service: 'air',
      date: jan1,
    },
    expected: {
      bodyHash: '934118399c0d6a1c72aeb536207cd336ef5eb725b4ac0f353d6683418d639cfd',
      signedHeaders: 'content-type;x-content-sha256;x-date',
      signature: 'e221bca1380b8039d6c938fd050abe0173996b00f271d4a91bd90521398cf34a',
      authorization:
        'HMAC-SHA256 Credential=AKLTexampleAccessKeyId/20250101/cn-beijing/air/request, SignedHeaders=content-type;x-content-sha256;x-date, Signature=e221bca1380b8039d6c938fd050abe0173996b00f271d4a91bd90521398cf34a',
    },
  },
  {
    name: '4: query string and request id header',
    input: {
      method: 'POST',
      path: '/api/vikingdb/data/fetch_in_collection',
      query: { b: '2', a: 'x y' },
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Tt-Logid': 'req-123' },
      body: '{"collection_name":"text","ids":[1,2]}',
      credentials,
      region: 'ap-southeast-1',
      service: 'vikingdb',
      date: new Date('2024-06-15T12:30:45Z'),
    },
    expected: {
      bodyHash: '7944ff52b831a58e4a6cbcfbdc6a3015c4666c6a17687c679fe1f57247f7fd9b',
      canonicalRequest:
        'POST\n/api/vikingdb/data/fetch_in_collection\na=x%20y&b=2\ncontent-type:application/json\nx-content-sha256:7944ff52b831a58e4a6cbcfbdc6a3015c4666c6a17687c679fe1f57247f7fd9b\nx-date:20240615T123045Z\nx-tt-logid:req-123\n\ncontent-type;x-content-sha256;x-date;x-tt-logid\n7944ff52b831a58e4a6cbcfbdc6a3015c4666c6a17687c679fe1f57247f7fd9b',
      signedHeaders: 'content-type;x-content-sha256;x-date;x-tt-logid',
      signature: 'eb1a2b66c7d98cda5166d3e1bad278733f0fb7bdf5c58d790384258228a8ad7c',
      authorization:
        'HMAC-SHA256 Credential=AKLTexampleAccessKeyId/20240615/ap-southeast-1/vikingdb/request, SignedHeaders=content-type;x-content-sha256;x-date;x-tt-logid, Signature=eb1a2b66c7d98cda5166d3e1bad278733f0fb7bdf5c58d790384258228a8ad7c',
    },
  },
];

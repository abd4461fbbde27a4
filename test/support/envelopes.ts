/** A vector success envelope as VikingDB sends it. */
export function vectorOk(result: unknown, requestId = 'req-ok') {
  return { code: 'Success', message: 'The API call was executed successfully.', request_id: requestId, result };
}

/** A memory success envelope. */
export function memoryOk(data: unknown, requestId = 'mem-ok') {
  return { code: 0, message: 'success', request_id: requestId, data };
}

export const BASE_URL = 'http://vikingdb.test';

import { describe, expect, it } from 'vitest';
import { parseErrorPayload, summarizeText, unwrapPayload } from '../../../src/client/transport/envelope';
import { parseRetryAfter } from '../../../src/client/transport/retryAfter';
import { exponentialJitter, linear, none } from '../../../src/client/transport/retryStrategy';
import { ServerError } from '../../../src/client/errors/ServerError';
import { HttpError } from '../../../src/client/errors/HttpError';
import { NetworkError } from '../../../src/client/errors/NetworkError';

describe('parseErrorPayload', () => {
  it('reads flat, capitalised, ResponseMetadata and non-JSON bodies', () => {
    expect(parseErrorPayload('{"code":"InvalidParameter","message":"bad","request_id":"r"}')).toEqual({
      code: 'InvalidParameter',
      message: 'bad',
      requestId: 'r',
    });
    expect(parseErrorPayload('{"Code":1000005,"Message":"collection not exist","RequestId":"r2"}')).toEqual({
      code: 1000005,
      message: 'collection not exist',
      requestId: 'r2',
    });
    expect(
      parseErrorPayload('{"ResponseMetadata":{"RequestId":"r3","Error":{"Code":"AccessDenied","Message":"no"}}}'),
    ).toEqual({
      code: 'AccessDenied',
      message: 'no',
      requestId: 'r3',
    });
    expect(parseErrorPayload('upstream connect error')).toEqual({ message: 'upstream connect error' });
    expect(parseErrorPayload('')).toEqual({ message: undefined });
    expect(parseErrorPayload('[1,2]')).toEqual({ message: '[1,2]' });
  });

  it('summarises HTML by its title, else its text, capped at 200 characters', () => {
    expect(summarizeText('<html><title>504 Gateway Time-out</title></html>')).toBe('504 Gateway Time-out');
    expect(summarizeText('<p>hello   <b>world</b></p>')).toBe('hello world');
    expect(summarizeText('x'.repeat(500))).toHaveLength(201);
  });
});

describe('unwrapPayload', () => {
  it('takes result for vector and data (else result) for memory', () => {
    expect(unwrapPayload('vector', { code: 'Success', result: { a: 1 } })).toEqual({ a: 1 });
    expect(unwrapPayload('vector', { code: 'Success' })).toBeUndefined();
    expect(unwrapPayload('memory', { code: 0, data: { b: 1 }, result: { c: 1 } })).toEqual({ b: 1 });
    expect(unwrapPayload('memory', { code: 0, result: { c: 1 } })).toEqual({ c: 1 });
    expect(unwrapPayload('vector', 'pong')).toBe('pong');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});

describe('retry presets', () => {
  const error503 = new ServerError({ code: 'X', message: 'm', status: 503 });
  const context = (retry: number, retryAfterMs?: number) => ({ retry, maxRetries: 3, error: error503, retryAfterMs });

  it('exponentialJitter: full jitter under a cap of 100 ms doubling to 10 s', () => {
    const top = exponentialJitter({ random: () => 0.999999 });
    expect([1, 2, 3, 4, 8, 20].map((n) => top.delayMs(context(n)))).toEqual([99, 199, 399, 799, 9999, 9999]);
    const bottom = exponentialJitter({ random: () => 0 });
    expect(bottom.delayMs(context(5))).toBe(0);
    expect(top.maxRetries).toBe(3);
  });

  it('exponentialJitter honours Retry-After up to maxDelayMs and refuses beyond it', () => {
    const s = exponentialJitter();
    expect(s.delayMs(context(1, 2500))).toBe(2500);
    expect(s.shouldRetry(context(1, 10_000))).toBe(true);
    expect(s.shouldRetry(context(1, 10_001))).toBe(false);
  });

  it('retries only transient errors', () => {
    const s = exponentialJitter();
    expect(s.shouldRetry({ ...context(1), error: new HttpError({ code: 'X', message: 'm', status: 400 }) })).toBe(
      false,
    );
    expect(s.shouldRetry({ ...context(1), error: new NetworkError({ code: 'NetworkError', message: 'm' }) })).toBe(
      true,
    );
  });

  it('linear waits a fixed delay plus jitter; none never retries', () => {
    expect(linear({ random: () => 0.5 }).delayMs(context(3))).toBe(750);
    expect(linear({ jitter: false }).delayMs(context(3))).toBe(500);
    expect(none().shouldRetry(context(1))).toBe(false);
    expect(none().maxRetries).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildTraceql,
  formatTraceqlDuration,
  scopedAttributeName,
  tokenizeTraceql,
  traceqlCaretContext,
  traceqlLiteral,
  validateTraceql,
} from './traceql';

describe('buildTraceql', () => {
  it('writes an empty filter when no field is set', () => {
    expect(buildTraceql({})).toBe('{}');
  });

  it('uses resource.service.name and name, quoting strings', () => {
    expect(buildTraceql({ service: 'frontend', operation: 'GET /cart' })).toBe(
      '{ resource.service.name = "frontend" && name = "GET /cart" }',
    );
  });

  it('leaves numbers, booleans and durations bare and quotes other strings', () => {
    expect(
      buildTraceql({
        tags: [
          { key: 'http.status_code', value: '500' },
          { key: 'cache.hit', value: 'false' },
          { key: 'retry.after', value: '5s' },
          { key: 'http.method', value: 'GET' },
          { key: 'msg', value: 'say "hi"' },
        ],
      }),
    ).toBe('{ .http.status_code = 500 && .cache.hit = false && .retry.after = 5s && .http.method = "GET" && .msg = "say \\"hi\\"" }');
  });

  it('keeps scoped keys and intrinsics as written', () => {
    expect(
      buildTraceql({
        tags: [
          { key: 'span.http.route', value: '/cart' },
          { key: 'resource.k8s.pod', value: 'p-1' },
          { key: 'kind', value: 'server' },
        ],
      }),
    ).toBe('{ span.http.route = "/cart" && resource.k8s.pod = "p-1" && kind = server }');
  });

  it('writes durations and errors', () => {
    expect(buildTraceql({ service: 'api', minDurationUs: 1_000_000 })).toBe('{ resource.service.name = "api" && duration > 1s }');
    expect(buildTraceql({ minDurationUs: 300_000, maxDurationUs: 1_200_000 })).toBe('{ duration > 300ms && duration < 1.2s }');
    expect(buildTraceql({ errorsOnly: true })).toBe('{ status = error }');
    expect(buildTraceql({ tags: [{ key: 'error', value: 'true' }] })).toBe('{ status = error }');
  });

  it('produces queries the validator accepts', () => {
    const query = buildTraceql({
      service: 'a "quoted" svc',
      operation: 'op',
      tags: [{ key: 'x', value: 'y z' }],
      minDurationUs: 50,
      errorsOnly: true,
    });
    expect(validateTraceql(query)).toBeNull();
  });
});

describe('formatTraceqlDuration', () => {
  it('picks the largest exact unit', () => {
    expect(formatTraceqlDuration(1_000_000)).toBe('1s');
    expect(formatTraceqlDuration(1_200_000)).toBe('1.2s');
    expect(formatTraceqlDuration(300_000)).toBe('300ms');
    expect(formatTraceqlDuration(50)).toBe('50us');
    expect(formatTraceqlDuration(90_000_000)).toBe('1.5m');
    expect(formatTraceqlDuration(7_200_000_000)).toBe('2h');
    expect(formatTraceqlDuration(1_234_567)).toBe('1234.567ms');
  });
});

describe('traceqlLiteral', () => {
  it('quotes by type when the type is known', () => {
    expect(traceqlLiteral('500', 'string')).toBe('"500"');
    expect(traceqlLiteral('500', 'int')).toBe('500');
    expect(traceqlLiteral('error', 'keyword')).toBe('error');
  });
  it('guesses keywords only for status and kind', () => {
    expect(traceqlLiteral('error', undefined, 'status')).toBe('error');
    expect(traceqlLiteral('error', undefined, 'span.result')).toBe('"error"');
    expect(traceqlLiteral('client', undefined, 'span:kind')).toBe('client');
  });
});

describe('scopedAttributeName', () => {
  it('prefixes the scope and quotes odd names', () => {
    expect(scopedAttributeName('resource', 'service.name')).toBe('resource.service.name');
    expect(scopedAttributeName('span', 'http.status_code')).toBe('span.http.status_code');
    expect(scopedAttributeName('intrinsic', 'duration')).toBe('duration');
    expect(scopedAttributeName('span', 'has space')).toBe('span."has space"');
  });
});

describe('validateTraceql', () => {
  const valid = [
    '{}',
    '{ resource.service.name = "frontend" }',
    '{ span.http.status_code >= 500 && status = error }',
    '{ .http.method = "GET" || .http.method = "POST" }',
    '{ duration > 1.5s } && { name =~ "GET.*" }',
    '{ resource.service.name = "a" } >> { status = error }',
    '{ span:duration > 100ms && trace:rootService = "x" }',
    '{ kind = server } | count() > 2',
    '{ true } | select(span.http.url, resource.k8s.pod)',
    '{ status = error } | by(resource.service.name)',
    '{ .a = 1 } with (most_recent=true)',
    '{ !(.a = 1) && span.cache_hit }',
    '{ span.latency_ms - 5 > -3 }',
    '({ .a = 1 } || { .b = 2 }) && { .c = 3 }',
    '{ span."attr with space" = "x" }',
    '{ .service-name = "x" }',
  ];
  it.each(valid)('accepts %s', (query) => {
    expect(validateTraceql(query)).toBeNull();
  });

  it('reports a missing closing brace with the position of the opening one', () => {
    const problem = validateTraceql('{ .a = 1 && { .b = 2 }');
    expect(problem?.message).toBe('Missing "}" to close the "{" at column 1.');
    expect(problem?.from).toBe(0);
  });

  it('reports an unmatched closing brace', () => {
    expect(validateTraceql('{ .a = 1 }}')?.message).toBe('This "}" has no matching "{".');
  });

  it('reports a mismatched bracket', () => {
    expect(validateTraceql('{ (.a = 1 }')?.message).toBe('Expected ")" to close the "(" at column 3, found "}".');
  });

  it('reports an unclosed string', () => {
    const problem = validateTraceql('{ name = "GET }');
    expect(problem?.message).toBe('This string has no closing ".');
    expect(problem?.from).toBe(9);
  });

  it('suggests the right operator for ==', () => {
    const problem = validateTraceql('{ .a == 1 }');
    expect(problem?.message).toBe('Unknown operator "==": write "=".');
    expect(problem).toMatchObject({ from: 5, to: 7 });
  });

  it('rejects other unknown operators', () => {
    expect(validateTraceql('{ .a <> 1 }')?.message).toBe('Unknown operator "<>": write "!=".');
    expect(validateTraceql('{ .a = 1 & .b = 2 }')?.message).toBe('Unknown operator "&": write "&&".');
  });

  it('explains unscoped names', () => {
    expect(validateTraceql('{ foo = 1 }')?.message).toBe(
      'Unknown name "foo": write span.foo, resource.foo or .foo for an attribute.',
    );
  });

  it('asks for a value after an operator', () => {
    expect(validateTraceql('{ .a = }')?.message).toBe('"=" needs a value after it.');
  });

  it('asks for braces around conditions', () => {
    expect(validateTraceql('.a = 1')?.message).toMatch(/inside braces/);
  });

  it('rejects an empty query with an example', () => {
    expect(validateTraceql('')?.message).toMatch(/Write a query such as/);
  });

  it('asks to compare an intrinsic', () => {
    expect(validateTraceql('{ status }')?.message).toBe('Compare status with a value, e.g. status = error.');
  });

  it('rejects a bad duration', () => {
    expect(validateTraceql('{ duration > 5sec }')?.message).toMatch(/neither a number nor a duration/);
  });

  it('rejects a missing operator between conditions', () => {
    expect(validateTraceql('{ .a = 1 .b = 2 }')?.message).toBe('Expected "&&", "||" or "}" but found ".b".');
  });
});

describe('tokenizeTraceql', () => {
  it('classifies tokens for highlighting and covers the whole text', () => {
    const text = '{ resource.service.name = "a" && duration > 1s && .x != 5 }';
    const tokens = tokenizeTraceql(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    const kinds = tokens.filter((t) => t.kind !== 'whitespace').map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual([
      'brace:{',
      'attribute:resource.service.name',
      'operator:=',
      'string:"a"',
      'operator:&&',
      'intrinsic:duration',
      'operator:>',
      'duration:1s',
      'operator:&&',
      'attribute:.x',
      'operator:!=',
      'number:5',
      'brace:}',
    ]);
  });
});

describe('traceqlCaretContext', () => {
  it('offers attribute names after { and &&', () => {
    expect(traceqlCaretContext('{ ', 2)).toEqual({ kind: 'attribute', prefix: '', from: 2, to: 2 });
    expect(traceqlCaretContext('{ .a = 1 && resource.se', 23)).toEqual({ kind: 'attribute', prefix: 'resource.se', from: 12, to: 23 });
  });

  it('offers values after a comparison', () => {
    expect(traceqlCaretContext('{ resource.service.name = ', 26)).toEqual({
      kind: 'value',
      attribute: 'resource.service.name',
      prefix: '',
      from: 26,
      to: 26,
      quoted: false,
    });
    expect(traceqlCaretContext('{ span.http.method = "GE', 24)).toMatchObject({
      kind: 'value',
      attribute: 'span.http.method',
      prefix: 'GE',
      from: 21,
      quoted: true,
    });
  });

  it('offers nothing outside braces', () => {
    expect(traceqlCaretContext('{ .a = 1 } ', 11)).toEqual({ kind: 'none' });
  });
});

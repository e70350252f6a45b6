/**
 * The first characters of a trace ID, for lists and titles, leading zeros skipped: a 64-bit ID that
 * a backend padded to 128 bits, or an ID made of a small counter, would otherwise read "0000000"
 * for every trace. (The whole ID is on the trace's page.)
 */
export function shortTraceId(traceId: string, length = 7): string {
  const start = /^0+(?=[^0])/.exec(traceId)?.[0].length ?? 0;
  return traceId.slice(start, start + length);
}

// Autocomplete for the TraceQL box (see suggestions.ts for the shared parts). Its own file so the
// TraceQL language code loads only for backends that speak it (traceql-tools.ts).
import {
  TRACEQL_INTRINSICS,
  TRACEQL_KIND_VALUES,
  TRACEQL_STATUS_VALUES,
  traceqlCaretContext,
  traceqlLiteral,
  type TraceqlValueType,
} from '../lib/traceql';
import { rank, type SuggestionResolver, type TagSuggestionSource } from './suggestions';

function builtInValues(identifier: string): { value: string; type?: TraceqlValueType }[] {
  const bare = identifier.replace(/^span:/, '');
  if (bare === 'status') return TRACEQL_STATUS_VALUES.map((value) => ({ value, type: 'keyword' as const }));
  if (bare === 'kind') return TRACEQL_KIND_VALUES.map((value) => ({ value, type: 'keyword' as const }));
  return [];
}

export function traceqlSuggestionResolver(source: TagSuggestionSource): SuggestionResolver {
  return async (text, caret, signal) => {
    const context = traceqlCaretContext(text, caret);
    if (context.kind === 'none') return null;
    if (context.kind === 'attribute') {
      const loaded = source.loadTraceqlNames ? await source.loadTraceqlNames(signal) : [];
      const all = [...new Set([...loaded, ...TRACEQL_INTRINSICS])];
      const names = rank(all, context.prefix);
      if (names.length === 0) return null;
      return {
        items: names.map((name) => ({ label: name, insert: `${name} `, detail: TRACEQL_INTRINSICS.includes(name) ? 'intrinsic' : undefined })),
        from: context.from,
        to: context.to,
      };
    }
    let values = builtInValues(context.attribute);
    if (values.length === 0 && source.loadTraceqlValues) values = await source.loadTraceqlValues(context.attribute, signal);
    const ranked = rank(
      values.map((v) => v.value),
      context.prefix,
    );
    if (ranked.length === 0) return null;
    const typeOf = new Map(values.map((v) => [v.value, v.type]));
    return {
      items: ranked.map((value) => ({
        label: value,
        insert: `${traceqlLiteral(value, typeOf.get(value), context.attribute)} `,
        detail: typeOf.get(value),
      })),
      from: context.from,
      to: context.to,
    };
  };
}

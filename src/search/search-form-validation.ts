// Checks the search form before it is submitted, with messages that say how to fix each field.
import { parseDuration } from '../lib/duration-format';
import { parseLogfmt } from '../lib/logfmt';
import type { TraceqlProblem } from '../lib/traceql';
import { CUSTOM_LOOKBACK, MAX_LIMIT, type SearchFormState } from './search-url-state';

export type SearchFormField = 'minDuration' | 'maxDuration' | 'tags' | 'traceql' | 'limit' | 'range';
export type SearchFormErrors = Partial<Record<SearchFormField, string>>;

const DURATION_HINT = 'Write a duration with a unit, e.g. 1.2s, 300ms or 50us.';

/** µs, or undefined for an empty field, or null when the text is not a duration. */
export function durationFieldUs(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  return parseDuration(text);
}

export function validateTagsField(tags: string): string | undefined {
  if (tags.trim() === '') return undefined;
  const parsed = parseLogfmt(tags);
  const first = parsed.errors[0];
  if (first) return `${first.message} (at character ${first.offset + 1})`;
  if (parsed.duplicateKeys.length > 0) {
    const keys = parsed.duplicateKeys.map((k) => `"${k}"`).join(', ');
    return `Each tag may appear once; ${keys} appears more than once.`;
  }
  return undefined;
}

export interface SearchFormValidationOptions {
  /** The TraceQL checker, for backends that speak TraceQL; null otherwise (the field is ignored). */
  validateTraceql: ((text: string) => TraceqlProblem | null) | null;
}

export function validateSearchForm(form: SearchFormState, options: SearchFormValidationOptions): SearchFormErrors {
  const errors: SearchFormErrors = {};
  const minUs = durationFieldUs(form.minDuration);
  const maxUs = durationFieldUs(form.maxDuration);
  if (minUs === null) errors.minDuration = DURATION_HINT;
  if (maxUs === null) errors.maxDuration = DURATION_HINT;
  if (typeof minUs === 'number' && typeof maxUs === 'number' && maxUs < minUs) {
    errors.maxDuration = 'The max duration must not be shorter than the min duration.';
  }
  const tagsError = validateTagsField(form.tags);
  if (tagsError) errors.tags = tagsError;
  if (options.validateTraceql && form.traceql.trim() !== '') {
    const problem = options.validateTraceql(form.traceql);
    if (problem) errors.traceql = `${problem.message} (column ${problem.from + 1})`;
  }
  if (!Number.isInteger(form.limit) || form.limit < 1 || form.limit > MAX_LIMIT) {
    errors.limit = `Ask for 1 to ${MAX_LIMIT} traces.`;
  }
  if (form.lookback === CUSTOM_LOOKBACK) {
    if (form.startUs === null || form.endUs === null) errors.range = 'Enter both the start and the end of the range.';
    else if (form.startUs >= form.endUs) errors.range = 'The start must be before the end.';
  }
  return errors;
}

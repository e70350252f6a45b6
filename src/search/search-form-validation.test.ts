import { describe, expect, it } from 'vitest';
import { validateTraceql } from '../lib/traceql';
import { durationFieldUs, validateSearchForm, validateTagsField } from './search-form-validation';
import { EMPTY_FORM } from './search-url-state';

describe('duration fields (parseDuration from src/lib/duration-format)', () => {
  it('parses the units Jaeger and Tempo accept', () => {
    expect(durationFieldUs('1.2s')).toBe(1_200_000);
    expect(durationFieldUs('300ms')).toBe(300_000);
    expect(durationFieldUs('50us')).toBe(50);
    expect(durationFieldUs('50µs')).toBe(50);
    expect(durationFieldUs('1m30s')).toBe(90_000_000);
    expect(durationFieldUs(' 2h ')).toBe(7_200_000_000);
  });
  it('treats an empty field as unset and rejects text without a unit', () => {
    expect(durationFieldUs('')).toBeUndefined();
    expect(durationFieldUs('  ')).toBeUndefined();
    expect(durationFieldUs('300')).toBeNull();
    expect(durationFieldUs('fast')).toBeNull();
    expect(durationFieldUs('-1s')).toBeNull();
  });
});

describe('validateSearchForm', () => {
  const ok = { validateTraceql };
  it('accepts the empty form', () => {
    expect(validateSearchForm(EMPTY_FORM, ok)).toEqual({});
  });
  it('explains a bad duration', () => {
    expect(validateSearchForm({ ...EMPTY_FORM, minDuration: '300' }, ok)).toEqual({
      minDuration: 'Write a duration with a unit, e.g. 1.2s, 300ms or 50us.',
    });
  });
  it('rejects max < min', () => {
    expect(validateSearchForm({ ...EMPTY_FORM, minDuration: '2s', maxDuration: '500ms' }, ok).maxDuration).toMatch(/must not be shorter/);
    expect(validateSearchForm({ ...EMPTY_FORM, minDuration: '2s', maxDuration: '2s' }, ok)).toEqual({});
  });
  it('reports tag syntax errors and duplicates', () => {
    expect(validateSearchForm({ ...EMPTY_FORM, tags: 'a="x' }, ok).tags).toBe('The value of "a" is missing its closing quote ("). (at character 3)');
    expect(validateTagsField('a=1 a=2')).toBe('Each tag may appear once; "a" appears more than once.');
  });
  it('validates TraceQL only when the backend speaks it', () => {
    const form = { ...EMPTY_FORM, traceql: '{ .a == 1 }' };
    expect(validateSearchForm(form, ok).traceql).toBe('Unknown operator "==": write "=". (column 6)');
    expect(validateSearchForm(form, { validateTraceql: null })).toEqual({});
  });
  it('checks the limit and the custom range', () => {
    expect(validateSearchForm({ ...EMPTY_FORM, limit: 0 }, ok).limit).toBe('Ask for 1 to 1500 traces.');
    expect(validateSearchForm({ ...EMPTY_FORM, lookback: 'custom', startUs: 5, endUs: 5 }, ok).range).toBe('The start must be before the end.');
    expect(validateSearchForm({ ...EMPTY_FORM, lookback: 'custom' }, ok).range).toMatch(/both/);
  });
});

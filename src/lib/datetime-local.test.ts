import { describe, expect, it } from 'vitest';
import { dateTimeLocalToEpochUs, epochUsToDateTimeLocal } from './datetime-local';

describe('datetime-local in the chosen zone', () => {
  it('reads and writes UTC', () => {
    const us = Date.UTC(2024, 4, 1, 12, 34, 56) * 1000;
    expect(epochUsToDateTimeLocal(us, 'utc')).toBe('2024-05-01T12:34:56');
    expect(dateTimeLocalToEpochUs('2024-05-01T12:34:56', 'utc')).toBe(us);
    expect(dateTimeLocalToEpochUs('2024-05-01T12:34', 'utc')).toBe(Date.UTC(2024, 4, 1, 12, 34) * 1000);
    expect(dateTimeLocalToEpochUs('2024-05-01T12:34:56.5', 'utc')).toBe(us + 500_000);
  });
  it('round-trips in the local zone', () => {
    const us = new Date(2024, 10, 3, 1, 30, 0).getTime() * 1000;
    expect(dateTimeLocalToEpochUs(epochUsToDateTimeLocal(us, 'local'), 'local')).toBe(us);
  });
  it('rejects incomplete input', () => {
    expect(dateTimeLocalToEpochUs('2024-05-01', 'utc')).toBeNull();
    expect(dateTimeLocalToEpochUs('', 'local')).toBeNull();
  });
});

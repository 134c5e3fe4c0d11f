import { describe, expect, it } from 'vitest';
import { formatDuration, formatHours, formatTimeOfDay } from './time';

describe('French hours', () => {
  it('writes times of day, durations and numbers of hours the same way', () => {
    expect(formatTimeOfDay('09:00')).toBe('9 h');
    expect(formatTimeOfDay('13:05')).toBe('13 h 05');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(90)).toBe('1 h 30');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatHours(15)).toBe('15 h');
    expect(formatHours(7.5)).toBe('7 h 30');
    expect(formatHours(20 / 3)).toBe('6 h 40');
  });
});

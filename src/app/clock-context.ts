/**
 * "Today" for the screens: the system clock in the app, a pinned clock in component tests, so
 * ages, default dates and CEJ weeks are predictable there.
 */
import { createContext, useContext } from 'react';
import { systemClock, type Clock } from '../domain/time';

export const ClockContext = createContext<Clock>(systemClock);

export function useClock(): Clock {
  return useContext(ClockContext);
}

import { ukDay } from '../dates/uk-day'

/**
 * A consultation is open until the end of its deadline day in UK time, whatever the server's zone.
 */
export const consultationIsOpen = ({ deadline, now = new Date() }: { deadline?: null | string; now?: Date }): boolean => {
  if (!deadline) return false
  return ukDay(now) <= ukDay(new Date(deadline))
}

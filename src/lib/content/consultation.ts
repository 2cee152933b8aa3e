/**
 * A consultation is open until the end of its deadline day in UK time, whatever the server's zone.
 */
export const consultationIsOpen = ({ deadline, now = new Date() }: { deadline?: null | string; now?: Date }): boolean => {
  if (!deadline) return false
  const ukDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(date)
  return ukDay(now) <= ukDay(new Date(deadline))
}

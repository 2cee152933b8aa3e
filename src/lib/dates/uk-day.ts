// One formatter: building an Intl.DateTimeFormat costs far more than using one.
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })

/** The UK calendar day of an instant (YYYY-MM-DD), whatever the server's time zone. */
export const ukDay = (date: Date): string => UK_DAY.format(date)

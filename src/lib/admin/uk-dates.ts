import type { Block, CollectionConfig, Config, DateField, Field, GlobalConfig, Tab } from 'payload'

/** Day first with the year, 24-hour clock: 25/12/2026 is Christmas Day. */
export const UK_DATE = 'dd/MM/yyyy'
export const UK_TIME = 'HH:mm'
export const UK_DATE_TIME = `${UK_DATE} ${UK_TIME}`
export const UK_TIMEZONE = 'Europe/London'

type Appearance = NonNullable<NonNullable<NonNullable<DateField['admin']>['date']>['pickerAppearance']>

// Payload's picker falls back to US formats (MM/dd/yyyy, h:mm a) when a field names none.
const FORMATS: Record<Appearance, string> = {
  dayAndTime: UK_DATE_TIME,
  dayOnly: UK_DATE,
  // No time can be picked, but the value may carry one (timestamps written by the server): show it.
  default: UK_DATE_TIME,
  monthOnly: 'MM/yyyy',
  timeOnly: UK_TIME,
}

const TIME_PICKERS = new Set<Appearance>(['dayAndTime', 'timeOnly'])

/** The format a date field is shown and typed in: its own if it names one, else the UK one for its picker. */
export const ukDisplayFormat = ({ field }: { field: DateField }): string =>
  field.admin?.date?.displayFormat ?? FORMATS[field.admin?.date?.pickerAppearance ?? 'default']

const ukDateField = ({ field }: { field: DateField }): DateField => {
  const date = field.admin?.date ?? {}
  const appearance = date.pickerAppearance ?? 'default'
  const timeFormat = TIME_PICKERS.has(appearance) ? { timeFormat: ('timeFormat' in date && date.timeFormat) || UK_TIME } : {}
  return {
    ...field,
    admin: {
      ...field.admin,
      // The calendar's weeks start on Monday, as en-GB's do (Payload's date-fns locale is en-US: see withUkDates).
      date: { ...date, ...timeFormat, displayFormat: ukDisplayFormat({ field }), overrides: { calendarStartDay: 1, ...date.overrides } },
    } as DateField['admin'],
  }
}

const ukTab = ({ tab }: { tab: Tab }): Tab => ({ ...tab, fields: ukFields({ fields: tab.fields }) })

const ukBlock = ({ block }: { block: Block }): Block => ({ ...block, fields: ukFields({ fields: block.fields }) })

const ukField = ({ field }: { field: Field }): Field => {
  switch (field.type) {
    case 'date':
      return ukDateField({ field })
    case 'array':
    case 'collapsible':
    case 'group':
    case 'row':
      return { ...field, fields: ukFields({ fields: field.fields }) } as Field
    case 'tabs':
      return { ...field, tabs: field.tabs.map((tab) => ukTab({ tab })) }
    case 'blocks':
      return {
        ...field,
        // Blocks named by slug are the config's own blocks, covered there.
        blockReferences: field.blockReferences?.map((block) => (typeof block === 'string' ? block : ukBlock({ block }))),
        blocks: field.blocks?.map((block) => ukBlock({ block })),
      }
    default:
      return field
  }
}

/** Every date field among `fields`, however deeply nested in groups, arrays, tabs, rows, collapsibles and blocks. */
export const ukFields = ({ fields }: { fields: Field[] }): Field[] => fields.map((field) => ukField({ field }))

type Versions = CollectionConfig['versions'] | GlobalConfig['versions']

// Scheduled publishing picks a time too; its drawer takes no date format, only the clock.
const ukSchedule = <V extends Versions>({ versions }: { versions: V }): V => {
  const drafts = typeof versions === 'object' ? versions.drafts : undefined
  if (typeof drafts !== 'object' || !drafts.schedulePublish) return versions
  const schedule = typeof drafts.schedulePublish === 'object' ? drafts.schedulePublish : {}
  return { ...(versions as object), drafts: { ...drafts, schedulePublish: { timeFormat: UK_TIME, ...schedule } } } as V
}

const ukCollection = ({ collection }: { collection: CollectionConfig }): CollectionConfig => ({
  ...collection,
  fields: ukFields({ fields: collection.fields }),
  versions: ukSchedule({ versions: collection.versions }),
})

const ukGlobal = ({ global }: { global: GlobalConfig }): GlobalConfig => ({
  ...global,
  fields: ukFields({ fields: global.fields }),
  versions: ukSchedule({ versions: global.versions }),
})

/**
 * UK dates throughout the admin, set once: the default format (list cells, versions, titles, filters), every
 * date field's picker, scheduled publishing's clock and London as the only time zone offered.
 *
 * Run it after every plugin that adds collections. It leaves Payload's locale alone: `en` formats with
 * date-fns' en-US, and en-GB is not one of the locales Payload can load (a copy of `en` keyed en-GB would
 * leave the admin without a date-fns locale, and every date would read "Loading..."). With explicit
 * day-first formats the locale only decides the first day of the week, set per field above.
 *
 * The time zone setting reaches only fields with their own `timezone` column (none here) and the scheduled
 * publishing drawer; other dates are shown and typed in the browser's own zone.
 */
export const withUkDates = (config: Config): Config => ({
  ...config,
  admin: {
    ...config.admin,
    dateFormat: UK_DATE_TIME,
    timezones: { defaultTimezone: UK_TIMEZONE, supportedTimezones: [{ label: 'UK time (London)', value: UK_TIMEZONE }] },
  },
  blocks: config.blocks?.map((block) => ukBlock({ block })),
  collections: config.collections?.map((collection) => ukCollection({ collection })),
  globals: config.globals?.map((global) => ukGlobal({ global })),
})

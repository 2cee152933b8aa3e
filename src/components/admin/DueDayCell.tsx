import type { DefaultServerCellComponentProps } from 'payload'

import { formatDay } from '../../lib/site/format'

/** The due day as people say it ("Tuesday 29 December 2026"), from the stored day, never from an instant. */
export const DueDayCell = ({ cellData }: DefaultServerCellComponentProps) => {
  const day = typeof cellData === 'string' ? cellData : ''
  return day ? <time dateTime={day}>{formatDay(day)}</time> : <span>Paused</span>
}

/** An issue's life: written, then (optionally) scheduled, then sent in batches, then done. */
export const ISSUE_STATUSES = [
  { label: 'Draft', value: 'draft' },
  { label: 'Scheduled', value: 'scheduled' },
  { label: 'Sending', value: 'sending' },
  { label: 'Sent', value: 'sent' },
] as const

export type IssueStatus = (typeof ISSUE_STATUSES)[number]['value']

/** Issues the public may read on the site (the web version): those that have gone out. */
export const PUBLISHED_ISSUE_STATUSES: IssueStatus[] = ['sending', 'sent']

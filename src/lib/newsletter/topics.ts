/** What a subscriber can choose to hear about; each newsletter issue is sent for one topic. */
export const TOPICS = [
  { hint: 'News and letters from the network', label: 'Network updates', value: 'network-updates' },
  { hint: 'Open consultations and how to respond', label: 'Consultations', value: 'consultations' },
  { hint: 'New and revised guidance pages', label: 'Guidance', value: 'guidance' },
  { hint: 'What was decided at network meetings', label: 'Meeting digests', value: 'meeting-digests' },
] as const

export type Topic = (typeof TOPICS)[number]['value']

export const TOPIC_VALUES: readonly Topic[] = TOPICS.map((topic) => topic.value)

export const isTopic = (value: unknown): value is Topic => (TOPIC_VALUES as readonly unknown[]).includes(value)

export const topicLabel = (value: string): string => TOPICS.find((topic) => topic.value === value)?.label ?? value

/** The topics in the order they are offered, whatever order they were given in; unknown values dropped. */
export const orderedTopics = (values: unknown): Topic[] => {
  const given = new Set(Array.isArray(values) ? values : [])
  return TOPIC_VALUES.filter((value) => given.has(value))
}

export const topicOptions = () => TOPICS.map(({ label, value }) => ({ label, value }))

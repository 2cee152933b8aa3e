/** What a person types into the sign-up and preferences forms, checked and normalised. */
import { validateEmail } from '../questions/validate'
import { TOPIC_VALUES } from './topics'

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

export type FieldError = { field: string; message: string }

/** The sign-up form's rules, with NHS.UK wording; the field each error belongs to is named. */
export const validateSignup = ({ email, topics }: { email: unknown; topics: unknown }): FieldError[] => {
  const errors: FieldError[] = []
  const emailCheck = validateEmail(email)
  if (emailCheck !== true) errors.push({ field: 'email', message: emailCheck })
  errors.push(...validateTopics({ topics }))
  return errors
}

export const validateTopics = ({ topics }: { topics: unknown }): FieldError[] => {
  const given = Array.isArray(topics) ? topics : topics === undefined || topics === null || topics === '' ? [] : [topics]
  if (given.some((topic) => !(TOPIC_VALUES as readonly unknown[]).includes(topic)))
    return [{ field: 'topics', message: 'Select topics from the list' }]
  return given.length ? [] : [{ field: 'topics', message: 'Select at least one topic' }]
}

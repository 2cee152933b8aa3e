import { PRIVACY } from '@/lib/routes'

/** Beside a form's fields: where the reader finds what is done with what they type. */
export const PrivacyNoticeLink = () => (
  <p className="nhsuk-body-s">
    How we use your information: <a href={PRIVACY}>privacy notice</a>.
  </p>
)

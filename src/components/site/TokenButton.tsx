/**
 * A one-button form that posts the token from a newsletter email link to a server action. Confirming and both
 * ways of unsubscribing are such a button, and never happen on the GET of the link itself.
 */
export const TokenButton = ({
  action,
  label,
  secondary = false,
  token,
}: {
  action: (form: FormData) => Promise<void>
  label: string
  secondary?: boolean
  token?: string
}) => (
  <form action={action}>
    <input name="token" type="hidden" value={token} />
    <button className={`nhsuk-button${secondary ? ' nhsuk-button--secondary' : ''}`} data-module="nhsuk-button" type="submit">
      {label}
    </button>
  </form>
)

/**
 * A field people never see or fill in, named `website`, which form-spamming bots do fill: the handlers drop
 * a submission that has it. `id` keeps labels unique when two forms share a page.
 */
export const Honeypot = ({ id = 'website' }: { id?: string }) => (
  <div aria-hidden="true" className="nhsuk-u-visually-hidden">
    <label htmlFor={id}>Leave this field empty</label>
    <input autoComplete="off" id={id} name="website" tabIndex={-1} type="text" />
  </div>
)

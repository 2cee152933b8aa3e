/** The hub's mark: a drop (diabetes) holding three linked points (the network). Decorative: the name is always in text. */
export const HubMark = ({ fill = 'currentColor', size }: { fill?: string; size: number | string }) => (
  <svg aria-hidden="true" focusable="false" height={size} viewBox="0 0 24 24" width={size} xmlns="http://www.w3.org/2000/svg">
    <path d="M12 1.5C12 1.5 4 10.2 4 15.2a8 8 0 0 0 16 0C20 10.2 12 1.5 12 1.5Z" fill={fill} />
    {/* Cut out of the drop in the page's own colour, so the mark reads in light and dark themes alike. */}
    <g fill="var(--theme-bg, #fff)" stroke="var(--theme-bg, #fff)" strokeLinecap="round" strokeWidth="1.2">
      <path d="M8.5 17.5 12 11.5l3.5 6Z" fill="none" />
      <circle cx="12" cy="11.5" r="1.7" />
      <circle cx="8.5" cy="17.5" r="1.7" />
      <circle cx="15.5" cy="17.5" r="1.7" />
    </g>
  </svg>
)

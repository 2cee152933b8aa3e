import type { Metadata } from 'next'

import { headers } from 'next/headers'
import Script from 'next/script'
import React from 'react'

import { assetPath } from '@/lib/http/static-assets'
import { HOME, LOGIN, LOGOUT, SEARCH, SITE_PATH_HEADER, UPDATES_FEED } from '@/lib/routes'
import { currentMarks } from '@/lib/site/current-section'
import { siteOrigin } from '@/lib/site/urls'
import { currentViewer, siteSettings } from '@/lib/site/viewer'

export const generateMetadata = async (): Promise<Metadata> => {
  const { siteName } = await siteSettings()
  return {
    alternates: { types: { 'application/atom+xml': UPDATES_FEED } },
    metadataBase: new URL(siteOrigin()),
    openGraph: { locale: 'en_GB', siteName, type: 'website' },
    title: { default: siteName, template: `%s – ${siteName}` },
  }
}

/**
 * On phones the header keeps its four rows (name, search, account, navigation) in under 200 px of an 844 px screen:
 * the account row sits closer to the search and is slimmer (its link is still a 32 px target).
 */
const PHONE_HEADER =
  '@media (max-width: 40.0525rem) { .nhsuk-header__account { margin-top: 8px } .nhsuk-header__account-item { padding-top: 4px; padding-bottom: 4px } }'

const SiteLayout = async ({ children }: { children: React.ReactNode }) => {
  const { user } = await currentViewer()
  const { disclaimer, footer, header, policies, siteName } = await siteSettings()
  // The editors' footer links, then the policy pages an editor has not already listed there.
  const footerLinks = [...footer, ...policies.filter((policy) => !footer.some((link) => link.href === policy.href))]
  const marks = currentMarks({ hrefs: header.map((link) => link.href), path: (await headers()).get(SITE_PATH_HEADER) })
  return (
    <html lang="en-GB">
      <head>
        <link href={assetPath({ name: 'stylesheet' })} rel="stylesheet" />
        <style dangerouslySetInnerHTML={{ __html: PHONE_HEADER }} />
      </head>
      {/* The start-up script adds the design system's classes to the body once it runs; React leaves them be. */}
      <body suppressHydrationWarning>
        <a className="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" data-module="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <a className="nhsuk-header__service-logo" href={HOME}>
                <span className="nhsuk-header__service-name">{siteName}</span>
              </a>
            </div>
            <search className="nhsuk-header__search">
              <form action={SEARCH} className="nhsuk-header__search-form" id="search" method="get">
                <label className="nhsuk-u-visually-hidden" htmlFor="header-search">
                  Search this site
                </label>
                <input
                  autoComplete="off"
                  className="nhsuk-header__search-input nhsuk-input"
                  id="header-search"
                  name="q"
                  placeholder="Search"
                  type="search"
                />
                <button className="nhsuk-header__search-submit" type="submit">
                  <span className="nhsuk-u-visually-hidden">Search</span>
                  <svg
                    aria-hidden="true"
                    className="nhsuk-icon nhsuk-icon--search"
                    focusable="false"
                    height="24"
                    viewBox="0 0 24 24"
                    width="24"
                  >
                    <path d="m20.7 19.3-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 11a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z" />
                  </svg>
                </button>
              </form>
            </search>
            <div className="nhsuk-header__account">
              <ul className="nhsuk-header__account-list">
                {user ? (
                  <li className="nhsuk-header__account-item">
                    <form action={LOGOUT} method="post">
                      <button className="nhsuk-header__account-button" type="submit">
                        Sign out
                      </button>
                    </form>
                  </li>
                ) : (
                  <li className="nhsuk-header__account-item">
                    <a className="nhsuk-header__account-link" href={LOGIN}>
                      Professional sign in
                    </a>
                  </li>
                )}
              </ul>
            </div>
          </div>
          {header.length ? (
            <nav aria-label="Menu" className="nhsuk-header__navigation">
              <div className="nhsuk-header__navigation-container nhsuk-width-container">
                <ul className="nhsuk-header__navigation-list">
                  {header.map((link) => {
                    const current = marks.get(link.href)
                    return (
                      <li
                        className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}
                        key={link.href}
                      >
                        <a aria-current={current} className="nhsuk-header__navigation-link" href={link.href}>
                          {/* Bold as well as marked, for readers who override the site's colours. */}
                          {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{link.label}</strong> : link.label}
                        </a>
                      </li>
                    )
                  })}
                  {/* With the design system's script, links that do not fit move under "More"; without it they wrap. */}
                  <li className="nhsuk-header__menu" hidden>
                    <button
                      aria-expanded="false"
                      className="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                      id="toggle-menu"
                      type="button"
                    >
                      <span className="nhsuk-u-visually-hidden">Browse </span>More
                    </button>
                  </li>
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <footer className="nhsuk-footer" role="contentinfo">
          <div className="nhsuk-footer__container nhsuk-width-container">
            <h2 className="nhsuk-u-visually-hidden">Support links</h2>
            {footerLinks.length ? (
              <ul className="nhsuk-footer__list">
                {footerLinks.map((link) => (
                  <li className="nhsuk-footer__list-item" key={link.href}>
                    <a className="nhsuk-footer__list-item-link" href={link.href}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="nhsuk-body-s">{disclaimer}</p>
          </div>
        </footer>
        {/* A module, loaded once the page is interactive: browsers too old for it run none of it, and the page works without. */}
        <Script src={assetPath({ name: 'start' })} strategy="afterInteractive" type="module" />
      </body>
    </html>
  )
}

export default SiteLayout

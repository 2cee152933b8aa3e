import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

// Loopback, private, shared (carrier-grade NAT), link-local (cloud metadata) and unspecified ranges.
const PRIVATE = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6')

/** An address (IPv4, IPv6, or IPv4 mapped into IPv6) on a private, loopback or link-local network. */
export const isPrivateAddress = ({ address }: { address: string }): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) return PRIVATE.check(mapped, 'ipv4')
  const family = isIP(address)
  return family === 4 ? PRIVATE.check(address, 'ipv4') : family === 6 ? PRIVATE.check(address, 'ipv6') : false
}

/**
 * A host on the hub's own machine or network, written as a name or address that says so (localhost, or a private
 * address as above): not asked unless LINK_CHECK_HOSTS names it, so a link typed in content cannot make the hub
 * probe its own network. Names that only resolve there are caught by resolvesToPublic.
 */
export const isInternalHost = ({ host }: { host: string }): boolean => {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '')
  return bare === 'localhost' || bare.endsWith('.localhost') || (isIP(bare) !== 0 && isPrivateAddress({ address: bare }))
}

/**
 * Whether every address a host name resolves to is public. A name that does not resolve is left to the request,
 * which reports it (DNS); checked again at each redirect, so a public site cannot lead the check inward.
 */
export const resolvesToPublic = async ({ host }: { host: string }): Promise<boolean> => {
  const bare = host.replace(/^\[|\]$/g, '')
  if (isIP(bare)) return !isPrivateAddress({ address: bare })
  try {
    const addresses = await lookup(bare, { all: true, verbatim: true })
    return addresses.every(({ address }) => !isPrivateAddress({ address }))
  } catch {
    return true
  }
}

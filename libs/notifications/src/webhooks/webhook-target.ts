import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface TargetPolicy {
  /** Production: only https. */
  requireHttps: boolean;
  /** Development only: loopback and private addresses allowed (a receiver on this machine). */
  allowPrivate: boolean;
}

/** Why a webhook URL is refused, or null when it may be used (checked again at every delivery). */
export function targetProblem(url: string, policy: TargetPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol !== 'https:' && (policy.requireHttps || parsed.protocol !== 'http:')) {
    return policy.requireHttps ? 'must use https' : 'must use https or http';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate) {
    if (ipaddr.isValid(host) && !isPublic(host)) return 'must not point to a loopback, private or reserved address';
    if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point to this machine';
  }
  return null;
}

/** Only ordinary internet addresses: not loopback, private, link-local, reserved, multicast… */
export function isPublic(address: string): boolean {
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/**
 * A DNS lookup for the HTTP agent that refuses non-public answers, so a name that resolves to an
 * internal address (or is re-pointed after the check: DNS rebinding) is refused at connect time.
 */
export function publicOnlyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const usable = allowPrivate ? addresses : addresses.filter((entry) => isPublic(entry.address));
      const first = usable.at(0);
      if (!first) return callback(new Error(`${hostname} resolves to no public address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

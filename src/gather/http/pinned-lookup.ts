// The name lookup every guarded connection uses. Node resolves a host name again when it connects, so a
// check made before the request would vouch for an answer the connection never uses; here the check is
// made on the very addresses the socket is opened to.
import type { LookupFunction } from 'node:net';
import type { AddressGuard, Resolver } from './address-guard.js';

export function pinnedLookup(guard: AddressGuard, resolver?: Resolver): LookupFunction {
  return ((
    host: string,
    options: { all?: boolean; family?: number } | number | undefined,
    cb: (err: NodeJS.ErrnoException | null, address: unknown, family?: number) => void,
  ) => {
    const o = typeof options === 'object' && options !== null ? options : {};
    guard.addresses(host, resolver).then(
      (found) => {
        const family = typeof options === 'number' ? options : (o.family ?? 0);
        const addrs = found
          .map((a) => ({ address: a, family: a.includes(':') ? 6 : 4 }))
          .filter((a) => family === 0 || a.family === family);
        if (addrs.length === 0)
          return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host }), o.all ? [] : null);
        if (o.all) cb(null, addrs);
        else cb(null, addrs[0]!.address, addrs[0]!.family);
      },
      (err: NodeJS.ErrnoException) => cb(err, o.all ? [] : null),
    );
  }) as LookupFunction;
}

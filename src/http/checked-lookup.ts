import type { LookupFunction } from 'node:net';

/**
 * A `lookup` for Node's HTTP clients that resolves through `resolve` (which refuses what may not be
 * reached), so the address checked is the address connected to: a DNS answer that changes after a
 * save-time check cannot reach inside (DNS rebinding).
 */
export function checkedLookup(resolve: (hostname: string) => Promise<string[]>): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const family = (a: string) => (a.includes(':') ? 6 : 4);
        const wanted = options.family ? all.filter((a) => family(a) === options.family) : all;
        if (wanted.length === 0) return callback(new Error('no address of the wanted family'), '', 4);
        if (options.all)
          return callback(
            null,
            wanted.map((address) => ({ address, family: family(address) })),
          );
        callback(null, wanted[0], family(wanted[0]));
      },
      (err: Error) => callback(err, '', 4),
    );
  };
}

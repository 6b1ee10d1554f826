import type { Address } from 'postal-mime';

/** Mailboxes of an address list with groups flattened, lower-cased, duplicates dropped. */
export function addressList(addresses: Address[] | undefined): string[] {
  const out = new Set<string>();
  for (const entry of addresses ?? []) {
    for (const mailbox of entry.group ?? [entry]) {
      const address = mailbox.address?.trim().toLowerCase();
      if (address) out.add(address);
    }
  }
  return [...out];
}

export function sender(from: Address | undefined): { name: string | null; address: string } | null {
  const mailbox = from?.group ? from.group[0] : from;
  const address = mailbox?.address?.trim().toLowerCase();
  if (!mailbox || !address) return null;
  return { name: mailbox.name.trim() || null, address };
}

/** The demo store's policies, one paragraph per entry so the AI's policy excerpts quote them exactly. */

export type DemoPolicy = { kind: 'returns' | 'shipping' | 'payment'; title: string; paragraphs: string[] };

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    kind: 'returns',
    title: 'Returns & Exchanges',
    paragraphs: [
      'You can return or exchange any unworn, unwashed item with its tags still attached within 30 days of delivery. Returns are free within Norway, Sweden, Denmark and Finland; for other countries a $9.95 return label fee is deducted from the refund.',
      'To start a return, write to us with your order number and the email address you ordered with. We will send a prepaid return label by email within one business day. Pack the items in the original bag and drop the parcel at any Posten/Bring, PostNord or UPS point shown on the label.',
      'Refunds are issued to the original payment method within 5 business days after your return arrives at our warehouse in Oslo. Klarna and Vipps refunds usually show up within 2–3 days after that; card refunds can take up to 10 days depending on your bank.',
      'Exchanges for another size or colour are free once per order. If the size you want is in stock we reserve it as soon as the return is registered and ship it when your parcel is scanned.',
      'Items damaged in transit or with a manufacturing fault (for example a broken zipper or a seam coming loose) are covered for 2 years. Send us a photo and your order number and we will repair, replace or refund the item.',
      'Final sale items, socks and underwear that have been worn, and gift cards cannot be returned.',
    ],
  },
  {
    kind: 'shipping',
    title: 'Shipping Policy',
    paragraphs: [
      'All orders ship from our warehouse in Oslo, Norway. Orders placed before 13:00 CET on a business day leave the same day; later orders ship the next business day.',
      'Free standard shipping on orders over $75. Below that, standard shipping is $7.95 within the Nordics and $12.95 to the US, the UK and the rest of Europe.',
      'Typical delivery times: Norway 1–3 business days (Posten/Bring), Sweden, Denmark and Finland 2–4 business days (PostNord), the rest of Europe 4–7 business days, and the US and Canada 5–8 business days (UPS). Express shipping (1–2 days in the Nordics, 2–3 days to the US) is available at checkout for $24.95.',
      'You get an email with a tracking number and link as soon as your parcel leaves the warehouse. Tracking can take up to 24 hours to show the first scan.',
      'Orders to the US are shipped Delivered Duty Paid: all import duties and taxes are included in the price, so there is nothing extra to pay on delivery. Orders to the UK and Switzerland may be charged import VAT by the carrier.',
      'If your parcel is returned to us as undeliverable, we will contact you to reship it or refund the order minus the original shipping cost.',
    ],
  },
  {
    kind: 'payment',
    title: 'Payment Options',
    paragraphs: [
      'We accept Visa, Mastercard, American Express, Apple Pay, Google Pay, Klarna and Vipps (Norway only). All prices on the store are shown in US dollars; your bank or Klarna converts the amount to your own currency at checkout.',
      'With Klarna you can pay in full after 30 days or split the payment into 3 interest-free instalments. Klarna orders ship right away; the order shows as "pending" until Klarna confirms the payment, which is usually within a few minutes.',
      'Vipps payments are reserved when you order and charged when the order ships. If an order is cancelled or only partly shipped, the reservation for the rest is released automatically within 7 days.',
      'Cards are authorised at checkout and charged when the order ships, so you may briefly see a pending authorisation and the final charge at the same time. The authorisation disappears within a few business days.',
      'Discount codes cannot be combined, and a code has to be entered before payment; we are unable to apply codes to orders that have already been placed. Gift cards can be used together with any payment method.',
    ],
  },
];

export function policyByKind(kind: DemoPolicy['kind']): DemoPolicy {
  const policy = DEMO_POLICIES.find((p) => p.kind === kind);
  if (!policy) throw new Error(`no demo policy ${kind}`);
  return policy;
}

export const policyBody = (p: DemoPolicy) => p.paragraphs.join('\n\n');

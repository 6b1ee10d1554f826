import { z } from 'zod';

export const ZParams = z.object({ id: z.string().max(100) });

const ZCard = z.union([
  z.object({
    type: z.literal('product'),
    title: z.string(),
    priceCents: z.number(),
    currency: z.string(),
    inStock: z.boolean(),
    url: z.string(),
    imageUrl: z.string().nullable(),
  }),
  z.object({
    type: z.literal('order'),
    name: z.string(),
    financialStatus: z.string(),
    fulfillmentStatus: z.string(),
    totalCents: z.number(),
    currency: z.string(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    lineItems: z.array(z.object({ title: z.string(), quantity: z.number() })),
  }),
]);

export const ZWidgetMessage = z.object({
  id: z.guid(),
  seq: z.number(),
  role: z.enum(['customer', 'ai', 'staff']),
  text: z.string(),
  cards: z.array(ZCard),
  createdAt: z.string(),
});

export const ZStart = z.object({
  widgetKey: z.string().min(1).max(200),
  customer: z
    .object({
      name: z.string().trim().max(200).optional(),
      email: z.email().max(320).optional().or(z.literal('')),
    })
    .optional(),
});

export const ZPost = z.object({
  text: z.string().trim().min(1).max(4000),
  clientMessageId: z.string().max(100).optional(),
});

export const ZRating = z.object({
  rating: z.enum(['good', 'bad']),
  comment: z.string().trim().max(2000).optional(),
});

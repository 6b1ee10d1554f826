export type TicketCategory =
  | 'Return request'
  | 'Order issue'
  | 'Shipping'
  | 'Product question'
  | 'Billing'
  | 'Other';

/** A ticket category from keywords (the offline model's stand-in for an LLM's judgement). */
export function categorize(text: string): TicketCategory {
  if (/\b(return|refund|exchange|retur\w*|refusjon\w*|bytte\w*)\b/i.test(text)) return 'Return request';
  if (
    /\b(charged|charge|payment|invoice|billing|klarna|vipps|card|betaling\w*|faktura\w*|trukket)\b/i.test(
      text,
    )
  )
    return 'Billing';
  if (/\b(shipping|delivery|customs|courier|frakt\w*|levering\w*|toll)\b/i.test(text)) return 'Shipping';
  if (
    /(#\s?\d{3,}|\b(order|package|parcel|damaged|broken|missing|wrong item|bestilling\w*|ordre\w*|pakke\w*|ødelagt)\b)/i.test(
      text,
    )
  ) {
    return 'Order issue';
  }
  if (/\b(size|product|sweater|jacket|boots|wool|material|størrelse|genser\w*|jakke\w*)\b/i.test(text))
    return 'Product question';
  return 'Other';
}

/** Ticket priority from urgency words. */
export function prioritize(text: string): 'low' | 'medium' | 'high' | 'urgent' {
  if (
    /\b(urgent|asap|immediately|fraud|stolen|charged twice|lawyer|haster|svindel|trukket to ganger)\b/i.test(
      text,
    )
  )
    return 'urgent';
  if (
    /\b(angry|unacceptable|terrible|broken|damaged|never arrived|still not|sint|uakseptabelt|ødelagt|aldri kommet)\b/i.test(
      text,
    )
  ) {
    return 'high';
  }
  return 'medium';
}

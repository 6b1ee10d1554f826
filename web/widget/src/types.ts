// Shapes of the Widget API v1 as the storefront widget receives them.

export type Role = 'customer' | 'ai' | 'staff';
export type ConversationStatus = 'unresolved' | 'resolved' | 'draft';
export type RatingValue = 'good' | 'bad';

export type ProductCard = {
  type: 'product';
  title: string;
  priceCents: number;
  currency: string;
  inStock: boolean;
  url: string;
  imageUrl: string | null;
};

export type OrderCard = {
  type: 'order';
  name: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  totalCents: number;
  currency: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lineItems: Array<{ title: string; quantity: number }>;
};

export type Card = ProductCard | OrderCard;

export type WidgetMessage = {
  id: string;
  seq: number;
  role: Role;
  text: string;
  cards: Card[];
  createdAt: string;
};

export type WidgetConfig = {
  shopName: string;
  greeting: string;
  accentColor: string;
  ratingsEnabled: boolean;
};

export type Session = { conversationId: string; token: string };

export type History = {
  messages: WidgetMessage[];
  status: ConversationStatus;
  rating: { rating: RatingValue; comment: string | null } | null;
};

/** A message the customer sent that the server has not acknowledged yet. */
export type OutboxItem = {
  clientMessageId: string;
  text: string;
  /** The highest seq seen when it was queued: a stored copy of it can only come later. */
  afterSeq: number;
  /** `failed`: the server refused it for good (it stays visible so the text is not lost). */
  state: 'sending' | 'retrying' | 'failed';
};

export type CustomerIntro = { name: string; email: string };

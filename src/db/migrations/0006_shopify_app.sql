CREATE TABLE "shopify_data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"webhook_row_id" uuid,
	"shopify_request_id" text,
	"customer_email" text,
	"shopify_customer_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"document" text,
	"conversation_count" integer DEFAULT 0 NOT NULL,
	"ticket_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	CONSTRAINT "shopify_data_requests_status_ck" CHECK ("shopify_data_requests"."status" in ('pending','ready','failed'))
);
--> statement-breakpoint
CREATE TABLE "shopify_installs" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"access_token_encrypted" text,
	"scopes" text DEFAULT '' NOT NULL,
	"installed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shopify_installs_status_ck" CHECK ("shopify_installs"."status" in ('installed','uninstalled'))
);
--> statement-breakpoint
CREATE TABLE "shopify_oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"shop_domain" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid,
	"shop_domain" text NOT NULL,
	"topic" text NOT NULL,
	"webhook_id" text NOT NULL,
	"event_id" text,
	"body_sha256" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp (3) with time zone,
	"outcome" jsonb
);
--> statement-breakpoint
ALTER TABLE "shopify_data_requests" ADD CONSTRAINT "shopify_data_requests_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_data_requests" ADD CONSTRAINT "shopify_data_requests_webhook_row_id_shopify_webhooks_id_fk" FOREIGN KEY ("webhook_row_id") REFERENCES "public"."shopify_webhooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_installs" ADD CONSTRAINT "shopify_installs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_webhooks" ADD CONSTRAINT "shopify_webhooks_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_data_requests_webhook_uq" ON "shopify_data_requests" USING btree ("webhook_row_id");--> statement-breakpoint
CREATE INDEX "shopify_data_requests_shop_idx" ON "shopify_data_requests" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "shopify_oauth_states_expires_idx" ON "shopify_oauth_states" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhooks_webhook_id_uq" ON "shopify_webhooks" USING btree ("webhook_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhooks_event_id_uq" ON "shopify_webhooks" USING btree ("topic","event_id") WHERE "shopify_webhooks"."event_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhooks_body_uq" ON "shopify_webhooks" USING btree ("topic","shop_domain","body_sha256");--> statement-breakpoint
CREATE INDEX "shopify_webhooks_received_idx" ON "shopify_webhooks" USING btree ("created_at");
-- Messages become a table partitioned by day of their conversation's start (conversation_started_at),
-- so the retention purge drops a whole expired day at once. Day partitions are created by
-- src/retention/partitions.ts; rows without one (older data, imports) land in messages_default.
ALTER TABLE "email_messages" DROP CONSTRAINT "email_messages_message_id_messages_id_fk";--> statement-breakpoint
ALTER TABLE "ticket_messages" DROP CONSTRAINT "ticket_messages_conversation_message_id_messages_id_fk";--> statement-breakpoint
ALTER TABLE "messages" RENAME TO "messages_unpartitioned";--> statement-breakpoint
ALTER TABLE "messages_unpartitioned" DROP CONSTRAINT "messages_pkey";--> statement-breakpoint
DROP INDEX "messages_conversation_order_idx";--> statement-breakpoint
DROP INDEX "messages_client_id_uq";--> statement-breakpoint
ALTER TABLE "messages_unpartitioned" ALTER COLUMN "seq" DROP IDENTITY;--> statement-breakpoint
-- PostgreSQL 15 has no identity columns on partitioned tables: a plain sequence continues the numbering.
CREATE SEQUENCE "messages_seq_seq";--> statement-breakpoint
SELECT setval('messages_seq_seq', coalesce((SELECT max("seq") FROM "messages_unpartitioned"), 0) + 1, false);--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"conversation_started_at" timestamp (3) with time zone NOT NULL,
	"role" text NOT NULL,
	"parts" jsonb NOT NULL,
	"client_message_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seq" bigint DEFAULT nextval('messages_seq_seq') NOT NULL,
	CONSTRAINT "messages_pkey" PRIMARY KEY ("id", "conversation_started_at"),
	CONSTRAINT "messages_role_ck" CHECK ("role" in ('customer','ai','staff','system'))
) PARTITION BY RANGE ("conversation_started_at");--> statement-breakpoint
ALTER SEQUENCE "messages_seq_seq" OWNED BY "messages"."seq";--> statement-breakpoint
CREATE TABLE "messages_default" PARTITION OF "messages" DEFAULT;--> statement-breakpoint
-- Only the default partition needs this: the purge deletes its expired rows one by one.
CREATE INDEX "messages_default_started_idx" ON "messages_default" USING btree ("conversation_started_at");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_conversation_order_idx" ON "messages" USING btree ("conversation_id","created_at","seq");--> statement-breakpoint
CREATE INDEX "messages_shop_idx" ON "messages" USING btree ("shop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_client_id_uq" ON "messages" USING btree ("conversation_id","client_message_id","conversation_started_at");--> statement-breakpoint
INSERT INTO "messages" ("id", "shop_id", "conversation_id", "conversation_started_at", "role", "parts", "client_message_id", "created_at", "seq")
	SELECT m."id", m."shop_id", m."conversation_id", c."started_at", m."role", m."parts", m."client_message_id", m."created_at", m."seq"
	FROM "messages_unpartitioned" m JOIN "conversations" c ON c."id" = m."conversation_id";--> statement-breakpoint
DROP TABLE "messages_unpartitioned";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "conversation_expired_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "conversations_started_idx" ON "conversations" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "drafts_conversation_idx" ON "drafts" USING btree ("conversation_id");

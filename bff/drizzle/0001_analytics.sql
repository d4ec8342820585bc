CREATE TABLE "analytics_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"user_id" uuid,
	"visitor_id" text,
	"product_id" uuid,
	"group_id" uuid,
	"share_id" text,
	"order_id" uuid,
	"amount" integer,
	"props" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_events_name_occurred_at_index" ON "analytics_events" USING btree ("name","occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_events_client_time_idx" ON "analytics_events" USING btree ("occurred_at") WHERE "analytics_events"."source" = 'client';--> statement-breakpoint
CREATE INDEX "analytics_events_share_id_name_index" ON "analytics_events" USING btree ("share_id","name") WHERE "analytics_events"."share_id" is not null;
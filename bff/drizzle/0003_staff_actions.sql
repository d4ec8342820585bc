CREATE TABLE "staff_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid,
	"username" text,
	"role" text,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"action" text NOT NULL,
	"target_id" text,
	"payload" jsonb,
	"status_code" integer NOT NULL,
	"error_code" text,
	"ip" text NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "staff_actions_created_at_id_index" ON "staff_actions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "staff_actions_staff_id_created_at_id_index" ON "staff_actions" USING btree ("staff_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);
CREATE TABLE "referral_rewards" (
	"invitee_id" uuid PRIMARY KEY NOT NULL,
	"inviter_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"balance" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_owner_kind" UNIQUE NULLS NOT DISTINCT("user_id","kind"),
	CONSTRAINT "ledger_accounts_owner" CHECK (("ledger_accounts"."user_id" is not null) = ("ledger_accounts"."kind" in ('commission_pending', 'commission_available', 'withdrawal_in_flight', 'withdrawn'))),
	CONSTRAINT "ledger_accounts_promoter_balance" CHECK (("ledger_accounts"."user_id" is null and "ledger_accounts"."balance" is null) or "ledger_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"kind" text NOT NULL,
	"commission_id" uuid,
	"withdrawal_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_amount_not_zero" CHECK ("ledger_entries"."amount" <> 0),
	CONSTRAINT "ledger_entries_one_reference" CHECK (("ledger_entries"."commission_id" is null) <> ("ledger_entries"."withdrawal_id" is null))
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount" integer NOT NULL,
	"reversed_amount" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp (3) with time zone,
	CONSTRAINT "commissions_line_level" UNIQUE("order_line_id","level"),
	CONSTRAINT "commissions_level" CHECK ("commissions"."level" in (1, 2)),
	CONSTRAINT "commissions_not_own_purchase" CHECK ("commissions"."beneficiary_id" <> "commissions"."buyer_id"),
	CONSTRAINT "commissions_amounts" CHECK ("commissions"."amount" > 0 and "commissions"."reversed_amount" between 0 and "commissions"."amount"),
	CONSTRAINT "commissions_reversed_means_nothing_left" CHECK (("commissions"."status" = 'reversed') = ("commissions"."reversed_amount" = "commissions"."amount"))
);
--> statement-breakpoint
CREATE TABLE "product_commission_rates" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"level1_bp" integer NOT NULL,
	"level2_bp" integer NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_commission_rates_range" CHECK ("product_commission_rates"."level1_bp" between 0 and 10000 and "product_commission_rates"."level2_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "promoters" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"applied_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"promoter_mode" text DEFAULT 'everyone' NOT NULL,
	"level1_rate_bp" integer DEFAULT 1000 NOT NULL,
	"level2_enabled" boolean DEFAULT false NOT NULL,
	"level2_rate_bp" integer DEFAULT 300 NOT NULL,
	"minimum_withdrawal" integer DEFAULT 1000 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_settings_single_row" CHECK ("referral_settings"."id" = 1),
	CONSTRAINT "referral_settings_rates" CHECK ("referral_settings"."level1_rate_bp" between 0 and 10000 and "referral_settings"."level2_rate_bp" between 0 and 10000),
	CONSTRAINT "referral_settings_minimum" CHECK ("referral_settings"."minimum_withdrawal" > 0)
);
--> statement-breakpoint
CREATE TABLE "withdrawal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"withdrawal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"status" text NOT NULL,
	"out_bill_no" text NOT NULL,
	"idempotency_key" text,
	"transfer_bill_no" text,
	"transfer_state" text,
	"package_info" text,
	"fail_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp (3) with time zone,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "withdrawals_outBillNo_unique" UNIQUE("out_bill_no"),
	CONSTRAINT "withdrawals_user_idempotency_key" UNIQUE("user_id","idempotency_key"),
	CONSTRAINT "withdrawals_amount" CHECK ("withdrawals"."amount" > 0),
	CONSTRAINT "withdrawals_out_bill_no" CHECK ("withdrawals"."out_bill_no" ~ '^[A-Za-z0-9]{1,32}$')
);
--> statement-breakpoint
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
ALTER TABLE "coupon_templates" ADD COLUMN "referral_reward" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_invitee_id_users_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_inviter_id_users_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_withdrawal_id_withdrawals_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."withdrawals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_commission_rates" ADD CONSTRAINT "product_commission_rates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promoters" ADD CONSTRAINT "promoters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promoters" ADD CONSTRAINT "promoters_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_settings" ADD CONSTRAINT "referral_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_events" ADD CONSTRAINT "withdrawal_events_withdrawal_id_withdrawals_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."withdrawals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_account_id_created_at_index" ON "ledger_entries" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_id_index" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_commission_id_index" ON "ledger_entries" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_withdrawal_id_index" ON "ledger_entries" USING btree ("withdrawal_id");--> statement-breakpoint
CREATE INDEX "commissions_order_id_index" ON "commissions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "commissions_beneficiary_id_created_at_index" ON "commissions" USING btree ("beneficiary_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "commissions_pending_idx" ON "commissions" USING btree ("order_id") WHERE "commissions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "promoters_status_applied_at_index" ON "promoters" USING btree ("status","applied_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "withdrawal_events_withdrawal_id_id_index" ON "withdrawal_events" USING btree ("withdrawal_id","id");--> statement-breakpoint
CREATE INDEX "withdrawals_user_id_created_at_index" ON "withdrawals" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "withdrawals_status_created_at_index" ON "withdrawals" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "withdrawals_due_idx" ON "withdrawals" USING btree ("next_attempt_at") WHERE "withdrawals"."status" in ('approved', 'paying');--> statement-breakpoint
CREATE INDEX "analytics_events_name_occurred_at_index" ON "analytics_events" USING btree ("name","occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_events_client_time_idx" ON "analytics_events" USING btree ("occurred_at") WHERE "analytics_events"."source" = 'client';--> statement-breakpoint
CREATE INDEX "analytics_events_share_id_name_index" ON "analytics_events" USING btree ("share_id","name") WHERE "analytics_events"."share_id" is not null;--> statement-breakpoint
-- The one settings row, with the defaults declared above; the app only ever updates it.
INSERT INTO "referral_settings" DEFAULT VALUES;

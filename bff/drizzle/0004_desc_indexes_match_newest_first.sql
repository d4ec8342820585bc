DROP INDEX "staff_actions_created_at_id_index";--> statement-breakpoint
DROP INDEX "staff_actions_staff_id_created_at_id_index";--> statement-breakpoint
DROP INDEX "products_shelf_list_idx";--> statement-breakpoint
DROP INDEX "products_category_id_created_at_id_index";--> statement-breakpoint
DROP INDEX "orders_user_id_created_at_index";--> statement-breakpoint
DROP INDEX "orders_status_created_at_index";--> statement-breakpoint
DROP INDEX "ledger_entries_account_id_created_at_index";--> statement-breakpoint
DROP INDEX "commissions_beneficiary_id_created_at_index";--> statement-breakpoint
DROP INDEX "promoters_status_applied_at_index";--> statement-breakpoint
DROP INDEX "withdrawals_user_id_created_at_index";--> statement-breakpoint
DROP INDEX "withdrawals_status_created_at_index";--> statement-breakpoint
CREATE INDEX "orders_created_at_id_idx" ON "orders" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "staff_actions_created_at_id_index" ON "staff_actions" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "staff_actions_staff_id_created_at_id_index" ON "staff_actions" USING btree ("staff_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "products_shelf_list_idx" ON "products" USING btree ("on_shelf","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "products_category_id_created_at_id_index" ON "products" USING btree ("category_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_user_id_created_at_index" ON "orders" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_status_created_at_index" ON "orders" USING btree ("status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ledger_entries_account_id_created_at_index" ON "ledger_entries" USING btree ("account_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "commissions_beneficiary_id_created_at_index" ON "commissions" USING btree ("beneficiary_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "promoters_status_applied_at_index" ON "promoters" USING btree ("status","applied_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "withdrawals_user_id_created_at_index" ON "withdrawals" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "withdrawals_status_created_at_index" ON "withdrawals" USING btree ("status","created_at" DESC NULLS FIRST);
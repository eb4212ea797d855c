CREATE TABLE "award_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rank" integer,
	"total" text,
	"bid_price_fen" bigint,
	"exclusion_reason" jsonb,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"lot_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"confirm_by" timestamp with time zone NOT NULL,
	"extension_reason" text,
	"extended_by_user_id" uuid,
	"extended_at" timestamp with time zone,
	"confirm_overdue_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid,
	"winner_submission_id" uuid,
	"winner_organisation_id" uuid,
	"contract_amount_fen" bigint,
	"tie_break_reason" text,
	"publish_by" timestamp with time zone,
	"publish_overdue_at" timestamp with time zone,
	"result_notice_id" uuid,
	"certificate_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"suspended_at" timestamp with time zone,
	"suspension_reason" text,
	"suspended_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"grounds" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"answer_by" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_user_id" uuid,
	"answer_overdue_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "award_letters" ADD CONSTRAINT "award_letters_lot_id_awards_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."awards"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_letters" ADD CONSTRAINT "award_letters_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_letters" ADD CONSTRAINT "award_letters_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_letters" ADD CONSTRAINT "award_letters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_extended_by_user_id_users_id_fk" FOREIGN KEY ("extended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_winner_submission_id_bid_submissions_id_fk" FOREIGN KEY ("winner_submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_winner_organisation_id_organisations_id_fk" FOREIGN KEY ("winner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_result_notice_id_notices_id_fk" FOREIGN KEY ("result_notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_certificate_id_transaction_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."transaction_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_suspended_by_user_id_users_id_fk" FOREIGN KEY ("suspended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_lot_id_awards_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."awards"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_filed_by_user_id_users_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_letters_submission_key" ON "award_letters" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "award_letters_organisation" ON "award_letters" USING btree ("organisation_id","issued_at");--> statement-breakpoint
CREATE INDEX "award_letters_lot" ON "award_letters" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "awards_project" ON "awards" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "challenges_lot" ON "challenges" USING btree ("lot_id","filed_at");--> statement-breakpoint
CREATE INDEX "challenges_organisation" ON "challenges" USING btree ("organisation_id");
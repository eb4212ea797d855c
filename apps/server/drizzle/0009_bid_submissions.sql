CREATE TABLE "bid_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"suite" text NOT NULL,
	"state" text NOT NULL,
	"consortium_id" uuid,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ciphertext_hash_algorithm" text,
	"ciphertext_hash" text,
	"ciphertext_length" bigint,
	"blob_key" text,
	"envelope" jsonb,
	"signing_certificate_id" uuid,
	"encryption_certificate_id" uuid,
	"receipt" jsonb,
	"event_seq" integer,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"replaced_at" timestamp with time zone,
	"replaced_by_submission_id" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_signing_certificate_id_certificates_id_fk" FOREIGN KEY ("signing_certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_encryption_certificate_id_certificates_id_fk" FOREIGN KEY ("encryption_certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bid_submissions_nonce_key" ON "bid_submissions" USING btree ("nonce");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_submissions_current_key" ON "bid_submissions" USING btree ("lot_id","organisation_id") WHERE "bid_submissions"."state" = 'submitted';--> statement-breakpoint
CREATE INDEX "bid_submissions_org" ON "bid_submissions" USING btree ("organisation_id","project_id");--> statement-breakpoint
CREATE INDEX "bid_submissions_state_expiry" ON "bid_submissions" USING btree ("state","expires_at");
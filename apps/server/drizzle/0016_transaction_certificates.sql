CREATE SEQUENCE "public"."transaction_certificate_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "transaction_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"project_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"winner_organisation_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"facts_hash_algorithm" text NOT NULL,
	"facts_hash" text NOT NULL,
	"suite" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"pdf_size" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"revoked_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "transaction_certificates" ADD CONSTRAINT "transaction_certificates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_certificates" ADD CONSTRAINT "transaction_certificates_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_certificates" ADD CONSTRAINT "transaction_certificates_winner_organisation_id_organisations_id_fk" FOREIGN KEY ("winner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_certificates" ADD CONSTRAINT "transaction_certificates_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_certificates" ADD CONSTRAINT "transaction_certificates_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transaction_certificates_number_key" ON "transaction_certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "transaction_certificates_lot_key" ON "transaction_certificates" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "transaction_certificates_project" ON "transaction_certificates" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "transaction_certificates_issued" ON "transaction_certificates" USING btree ("issued_at");
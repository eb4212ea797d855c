CREATE TABLE "opening_attendance" (
	"lot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"role" text NOT NULL,
	"signed_in_at" timestamp with time zone NOT NULL,
	"certificate_id" uuid,
	"signature" text,
	CONSTRAINT "opening_attendance_lot_id_user_id_pk" PRIMARY KEY("lot_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "opening_bids" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"lot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"invalid_reason" text,
	"opened_via" text,
	"price_sheet" jsonb,
	"files" jsonb,
	"decrypted_at" timestamp with time zone,
	"read_out_seq" integer,
	"confirmation" text,
	"confirmed_at" timestamp with time zone,
	"objection" text,
	"answer" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opening_halls" (
	"lot_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"state" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"decryption_started_at" timestamp with time zone,
	"decryption_ends_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"failure_reason" text,
	"failure_notice_draft" jsonb,
	"record" jsonb,
	"record_hash" text,
	"record_blob_key" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opening_signatures" (
	"lot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"certificate_id" uuid NOT NULL,
	"signature" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opening_signatures_lot_id_user_id_pk" PRIMARY KEY("lot_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "opening_attendance" ADD CONSTRAINT "opening_attendance_lot_id_opening_halls_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."opening_halls"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_attendance" ADD CONSTRAINT "opening_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_attendance" ADD CONSTRAINT "opening_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_attendance" ADD CONSTRAINT "opening_attendance_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_bids" ADD CONSTRAINT "opening_bids_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_bids" ADD CONSTRAINT "opening_bids_lot_id_opening_halls_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."opening_halls"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_bids" ADD CONSTRAINT "opening_bids_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_halls" ADD CONSTRAINT "opening_halls_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_halls" ADD CONSTRAINT "opening_halls_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_signatures" ADD CONSTRAINT "opening_signatures_lot_id_opening_halls_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."opening_halls"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_signatures" ADD CONSTRAINT "opening_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_signatures" ADD CONSTRAINT "opening_signatures_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opening_bids_lot" ON "opening_bids" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "opening_halls_project" ON "opening_halls" USING btree ("project_id");
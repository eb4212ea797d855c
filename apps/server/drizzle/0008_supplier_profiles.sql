CREATE TABLE "sme_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"declared_scale" text NOT NULL,
	"text" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"declared_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"industry" text NOT NULL,
	"employees" integer,
	"revenue_fen" bigint,
	"assets_fen" bigint,
	"derived_scale" text NOT NULL,
	"scale_working" jsonb NOT NULL,
	"uscc_pilot" boolean DEFAULT false NOT NULL,
	"uscc_override_reason" text,
	"changed_after_approval_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supplier_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_from" text,
	"valid_until" text,
	"file_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"file_size" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid
);
--> statement-breakpoint
ALTER TABLE "sme_declarations" ADD CONSTRAINT "sme_declarations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sme_declarations" ADD CONSTRAINT "sme_declarations_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_profiles" ADD CONSTRAINT "supplier_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_profiles" ADD CONSTRAINT "supplier_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_qualifications" ADD CONSTRAINT "supplier_qualifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_qualifications" ADD CONSTRAINT "supplier_qualifications_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_qualifications" ADD CONSTRAINT "supplier_qualifications_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sme_declarations_organisation" ON "sme_declarations" USING btree ("organisation_id","declared_at");--> statement-breakpoint
CREATE INDEX "supplier_qualifications_organisation" ON "supplier_qualifications" USING btree ("organisation_id");
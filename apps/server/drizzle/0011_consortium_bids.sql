CREATE TABLE "bid_consortium_members" (
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"share_basis_points" integer NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"scale" text,
	"signature" text,
	"signing_certificate_id" uuid,
	"signed_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"decided_by_user_id" uuid,
	CONSTRAINT "bid_consortium_members_submission_id_organisation_id_pk" PRIMARY KEY("submission_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "bid_participations" (
	"lot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"bidder_organisation_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_participations_lot_id_organisation_id_pk" PRIMARY KEY("lot_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "audience_organisation_ids" jsonb;--> statement-breakpoint
ALTER TABLE "bid_consortium_members" ADD CONSTRAINT "bid_consortium_members_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_consortium_members" ADD CONSTRAINT "bid_consortium_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_consortium_members" ADD CONSTRAINT "bid_consortium_members_signing_certificate_id_certificates_id_fk" FOREIGN KEY ("signing_certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_consortium_members" ADD CONSTRAINT "bid_consortium_members_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_participations" ADD CONSTRAINT "bid_participations_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_participations" ADD CONSTRAINT "bid_participations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_participations" ADD CONSTRAINT "bid_participations_bidder_organisation_id_organisations_id_fk" FOREIGN KEY ("bidder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" DROP COLUMN "consortium_id";--> statement-breakpoint
-- Bids made before this migration take their places on their lots (each organisation bid alone until now).
INSERT INTO "bid_participations" ("lot_id", "organisation_id", "bidder_organisation_id", "since")
SELECT DISTINCT "lot_id", "organisation_id", "organisation_id", now() FROM "bid_submissions"
WHERE "state" IN ('uploading', 'submitted')
ON CONFLICT DO NOTHING;

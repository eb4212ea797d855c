CREATE TABLE "key_recovery_shares" (
	"submission_id" uuid NOT NULL,
	"holder_user_id" uuid NOT NULL,
	"share" text NOT NULL,
	"reason" text NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	CONSTRAINT "key_recovery_shares_submission_id_holder_user_id_pk" PRIMARY KEY("submission_id","holder_user_id")
);
--> statement-breakpoint
CREATE TABLE "project_key_holders" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role_label" text NOT NULL,
	CONSTRAINT "project_key_holders_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "key_escrow_threshold" integer;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD COLUMN "key_escrow_issued" jsonb;--> statement-breakpoint
ALTER TABLE "key_recovery_shares" ADD CONSTRAINT "key_recovery_shares_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_recovery_shares" ADD CONSTRAINT "key_recovery_shares_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_key_holders" ADD CONSTRAINT "project_key_holders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_key_holders" ADD CONSTRAINT "project_key_holders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_key_holders_position_key" ON "project_key_holders" USING btree ("project_id","position");
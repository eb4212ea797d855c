CREATE TABLE "evaluation_bidder_queries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"request" jsonb NOT NULL,
	"asked_by_user_id" uuid NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by_user_id" uuid,
	"answered_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_compliance" (
	"lot_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"passed" boolean NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_compliance_submission_id_expert_user_id_pk" PRIMARY KEY("submission_id","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_leader_votes" (
	"lot_id" uuid NOT NULL,
	"voter_user_id" uuid NOT NULL,
	"candidate_user_id" uuid NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_leader_votes_lot_id_voter_user_id_pk" PRIMARY KEY("lot_id","voter_user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_qualifications" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"lot_id" uuid NOT NULL,
	"passed" boolean NOT NULL,
	"reason" text,
	"reviewed_by_user_id" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"lot_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"score_hundredths" integer NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_scores_submission_id_expert_user_id_criterion_key_pk" PRIMARY KEY("submission_id","expert_user_id","criterion_key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_signatures" (
	"lot_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"signature" text NOT NULL,
	"dissent" text,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_signatures_lot_id_expert_user_id_pk" PRIMARY KEY("lot_id","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_submissions" (
	"lot_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	CONSTRAINT "evaluation_submissions_lot_id_expert_user_id_stage_pk" PRIMARY KEY("lot_id","expert_user_id","stage")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"lot_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_user_id" uuid NOT NULL,
	"qualification_finished_at" timestamp with time zone,
	"compliance_finished_at" timestamp with time zone,
	"leader_user_id" uuid,
	"result" jsonb,
	"result_hash" text,
	"computed_at" timestamp with time zone,
	"report" jsonb,
	"report_hash" text,
	"report_blob_key" text,
	"report_fixed_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"failure_reason" jsonb,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evaluation_bidder_queries" ADD CONSTRAINT "evaluation_bidder_queries_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_bidder_queries" ADD CONSTRAINT "evaluation_bidder_queries_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_bidder_queries" ADD CONSTRAINT "evaluation_bidder_queries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_bidder_queries" ADD CONSTRAINT "evaluation_bidder_queries_asked_by_user_id_users_id_fk" FOREIGN KEY ("asked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_bidder_queries" ADD CONSTRAINT "evaluation_bidder_queries_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_bidder_queries" ADD CONSTRAINT "evaluation_bidder_queries_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_compliance" ADD CONSTRAINT "evaluation_compliance_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_compliance" ADD CONSTRAINT "evaluation_compliance_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_compliance" ADD CONSTRAINT "evaluation_compliance_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_leader_votes" ADD CONSTRAINT "evaluation_leader_votes_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_leader_votes" ADD CONSTRAINT "evaluation_leader_votes_voter_user_id_users_id_fk" FOREIGN KEY ("voter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_leader_votes" ADD CONSTRAINT "evaluation_leader_votes_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_qualifications" ADD CONSTRAINT "evaluation_qualifications_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_qualifications" ADD CONSTRAINT "evaluation_qualifications_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_qualifications" ADD CONSTRAINT "evaluation_qualifications_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_signatures" ADD CONSTRAINT "evaluation_signatures_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_signatures" ADD CONSTRAINT "evaluation_signatures_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_signatures" ADD CONSTRAINT "evaluation_signatures_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_submissions" ADD CONSTRAINT "evaluation_submissions_lot_id_evaluations_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."evaluations"("lot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_submissions" ADD CONSTRAINT "evaluation_submissions_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_bidder_queries_lot" ON "evaluation_bidder_queries" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "evaluation_bidder_queries_org" ON "evaluation_bidder_queries" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "evaluation_compliance_lot" ON "evaluation_compliance" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "evaluation_qualifications_lot" ON "evaluation_qualifications" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "evaluation_scores_lot" ON "evaluation_scores" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "evaluations_project" ON "evaluations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "evaluations_state" ON "evaluations" USING btree ("state");
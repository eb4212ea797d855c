CREATE TABLE "opening_recording_chunks" (
	"recording_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"event_seq" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opening_recording_chunks_recording_id_seq_pk" PRIMARY KEY("recording_id","seq")
);
--> statement-breakpoint
CREATE TABLE "opening_recordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"started_by_user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mime_type" text NOT NULL,
	"state" text NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"total_bytes" bigint DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "opening_recording_chunks" ADD CONSTRAINT "opening_recording_chunks_recording_id_opening_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."opening_recordings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_recordings" ADD CONSTRAINT "opening_recordings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_recordings" ADD CONSTRAINT "opening_recordings_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_recordings" ADD CONSTRAINT "opening_recordings_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_recordings" ADD CONSTRAINT "opening_recordings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opening_recordings_lot" ON "opening_recordings" USING btree ("lot_id","started_at");
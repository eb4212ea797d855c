CREATE TABLE "expert_draw_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"seat" integer,
	"stepped_in_for" uuid,
	"invited_at" timestamp with time zone,
	"respond_by" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"decline_reason" text
);
--> statement-breakpoint
CREATE TABLE "expert_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"supplement_of" uuid,
	"state" text NOT NULL,
	"request" jsonb NOT NULL,
	"purchaser_representatives" integer DEFAULT 0 NOT NULL,
	"seed" text NOT NULL,
	"seed_commitment" text NOT NULL,
	"pool_snapshot" jsonb NOT NULL,
	"pool_snapshot_hash" text NOT NULL,
	"host_organisation_id" uuid NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"drawn_by_user_id" uuid,
	"drawn_at" timestamp with time zone,
	"revealed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "expert_draw_seats" ADD CONSTRAINT "expert_draw_seats_draw_id_expert_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."expert_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draw_seats" ADD CONSTRAINT "expert_draw_seats_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draw_seats" ADD CONSTRAINT "expert_draw_seats_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draw_seats" ADD CONSTRAINT "expert_draw_seats_stepped_in_for_expert_draw_seats_id_fk" FOREIGN KEY ("stepped_in_for") REFERENCES "public"."expert_draw_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_supplement_of_expert_draws_id_fk" FOREIGN KEY ("supplement_of") REFERENCES "public"."expert_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_drawn_by_user_id_users_id_fk" FOREIGN KEY ("drawn_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_draw_seats_expert_key" ON "expert_draw_seats" USING btree ("draw_id","expert_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_draw_seats_held_key" ON "expert_draw_seats" USING btree ("lot_id","seat") WHERE "expert_draw_seats"."status" in ('invited', 'confirmed');--> statement-breakpoint
CREATE INDEX "expert_draw_seats_expert" ON "expert_draw_seats" USING btree ("expert_user_id");--> statement-breakpoint
CREATE INDEX "expert_draw_seats_lot" ON "expert_draw_seats" USING btree ("lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_draws_first_per_lot" ON "expert_draws" USING btree ("lot_id") WHERE "expert_draws"."supplement_of" is null;--> statement-breakpoint
CREATE INDEX "expert_draws_lot" ON "expert_draws" USING btree ("lot_id","requested_at");
ALTER TABLE "lots" ADD COLUMN "sme_small_micro_bp" integer;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "sme_consortium_bp" integer;
CREATE TABLE "platform_keys" (
	"purpose" text NOT NULL,
	"suite" text NOT NULL,
	"key_file" jsonb NOT NULL,
	"certificate_pem" text NOT NULL,
	"fingerprint" text NOT NULL,
	"serial" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_keys_purpose_suite_pk" PRIMARY KEY("purpose","suite")
);

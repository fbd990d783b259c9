CREATE TABLE "encryption_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea",
	"wrap_iv" "bytea",
	"wrap_tag" "bytea",
	"kek_id" text NOT NULL,
	"status" text NOT NULL,
	"encryptions" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secret_versions" (
	"secret_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"iv" "bytea" NOT NULL,
	"auth_tag" "bytea" NOT NULL,
	"key_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"change_reason" text,
	"valid_until" timestamp with time zone,
	"destroyed_at" timestamp with time zone,
	CONSTRAINT "secret_versions_secret_id_version_pk" PRIMARY KEY("secret_id","version")
);
--> statement-breakpoint
CREATE TABLE "secrets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" text NOT NULL,
	"scope" text NOT NULL,
	"organization_id" text,
	"team_id" text,
	"project_id" text,
	"owner_user_id" text,
	"scope_owner_id" text NOT NULL,
	"storage_backend" text DEFAULT 'LOCAL_ENCRYPTED' NOT NULL,
	"vault_id" uuid,
	"external_ref" text,
	"current_version" integer NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"metadata" jsonb,
	"expires_at" timestamp with time zone,
	"expiry_notification_days" integer[] DEFAULT '{30,14,7,1}'::int[] NOT NULL,
	"rotation_strategy" text DEFAULT 'MANUAL' NOT NULL,
	"rotation_interval_days" integer,
	"last_rotated_at" timestamp with time zone,
	"next_rotation_at" timestamp with time zone,
	"last_accessed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"recovery_deadline" timestamp with time zone,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "secret_versions" ADD CONSTRAINT "secret_versions_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_versions" ADD CONSTRAINT "secret_versions_key_id_encryption_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."encryption_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "secret_versions_key_idx" ON "secret_versions" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secrets_scope_name_live_uq" ON "secrets" USING btree ("scope","scope_owner_id","name") WHERE "secrets"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "secrets_org_idx" ON "secrets" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "secrets_team_idx" ON "secrets" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "secrets_project_idx" ON "secrets" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "secrets_owner_idx" ON "secrets" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "secrets_name_id_idx" ON "secrets" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "secrets_expires_idx" ON "secrets" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "secrets_deleted_idx" ON "secrets" USING btree ("deleted_at");
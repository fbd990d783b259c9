CREATE TABLE "secret_audit_log" (
	"sequence" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"category" text NOT NULL,
	"outcome" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_type" text NOT NULL,
	"secret_id" uuid,
	"organization_id" text,
	"details" jsonb,
	"ip" text,
	"user_agent" text,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"prev_sequence" bigint,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "secret_audit_log_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "secret_audit_seal" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_sequence" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "secret_audit_log_org_seq_idx" ON "secret_audit_log" USING btree ("organization_id","sequence");--> statement-breakpoint
CREATE INDEX "secret_audit_log_secret_seq_idx" ON "secret_audit_log" USING btree ("secret_id","sequence");--> statement-breakpoint
CREATE INDEX "secret_audit_log_created_idx" ON "secret_audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "secret_audit_log_value_reads_idx" ON "secret_audit_log" USING btree ("secret_id","created_at") WHERE "secret_audit_log"."event_type" = 'SECRET_VALUE_READ';--> statement-breakpoint
CREATE INDEX "secret_audit_log_unsealed_idx" ON "secret_audit_log" USING btree ("sequence") WHERE "secret_audit_log"."hash" is null;
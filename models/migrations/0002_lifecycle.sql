CREATE TABLE "notifications_sent" (
	"secret_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"window" text NOT NULL,
	"outcome" text DEFAULT 'SENT' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notifications_sent_secret_id_kind_window_pk" PRIMARY KEY("secret_id","kind","window")
);
--> statement-breakpoint
CREATE TABLE "secret_rotation_state" (
	"secret_id" uuid PRIMARY KEY NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"last_error" text,
	"last_failed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications_sent" ADD CONSTRAINT "notifications_sent_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_rotation_state" ADD CONSTRAINT "secret_rotation_state_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "secret_rotation_state_next_idx" ON "secret_rotation_state" USING btree ("next_attempt_at");
-- Team and project names are unique per organization and team/project, not per team/project id alone.
UPDATE "secrets" SET "scope_owner_id" = "organization_id" || '/' || "team_id" WHERE "scope" = 'TEAM';
--> statement-breakpoint
UPDATE "secrets" SET "scope_owner_id" = "organization_id" || '/' || "project_id" WHERE "scope" = 'PROJECT';

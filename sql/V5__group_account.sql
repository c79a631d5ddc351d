-- A member's platform sign-in, linked to their seat in a group, lives inside the group's document
-- (state -> 'accounts', each with a keyed hash of the platform's user id). Signing in through a platform
-- on a new device asks which groups know that hash; this index answers without reading every group.
CREATE INDEX intervision_group_accounts ON intervision_group USING gin ((state -> 'accounts') jsonb_path_ops);

-- Resources and prompts of an install follow lists of their own, like its tools: empty allowed_* means every one,
-- denied_* always wins. A resource entry is an upstream URI, or a prefix ending in '*'; a prompt entry is a name.
ALTER TABLE registry.installs
    ADD COLUMN allowed_resources text[] NOT NULL DEFAULT '{}',
    ADD COLUMN denied_resources text[] NOT NULL DEFAULT '{}',
    ADD COLUMN allowed_prompts text[] NOT NULL DEFAULT '{}',
    ADD COLUMN denied_prompts text[] NOT NULL DEFAULT '{}';

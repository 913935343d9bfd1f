-- The year-end counts of a community's minority residents (party members, liaison coverage)
-- read this index alone instead of every resident row of the community.
CREATE INDEX residents_community_ethnicity ON residents(community_id, ethnicity, political_status, moved_in, moved_out);

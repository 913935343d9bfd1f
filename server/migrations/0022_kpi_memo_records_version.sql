-- A community's kept figures and its kept records are refreshed separately: the dashboard asks
-- for figures (cheap to compute), the drill-down for records (a whole list). Each carries the
-- community version it was computed at.
ALTER TABLE kpi_memo ADD COLUMN records_version BIGINT NOT NULL DEFAULT -1;
ALTER TABLE kpi_memo ADD COLUMN records_total BIGINT NOT NULL DEFAULT 0;

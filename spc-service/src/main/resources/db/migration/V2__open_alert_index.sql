-- The open-alert gauges (alert/OpenAlertMetrics) group OPEN alerts by priority on every refresh: a partial index
-- keeps that proportional to the alerts still open, not to the whole history.
create index spc_alert_open on spc_alert (priority, created_at) where status = 'OPEN';

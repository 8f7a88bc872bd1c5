-- Worklists (GET /api/ocs/orders): filtered by who may see what, sorted by default STAT first, then oldest.
-- priority_rank orders priorities by urgency (STAT 0, URGENT 1, ROUTINE 2) so that sort can come from an index.
alter table ocs_order
    add column priority_rank smallint not null
        generated always as (case priority when 'STAT' then 0 when 'URGENT' then 1 else 2 end) stored;

-- A job role's worklist by status in the default order (replaces V1's, which could not sort by priority).
drop index ocs_order_worklist;
create index ocs_order_worklist on ocs_order (job_role, status, priority_rank, created_at, id);
-- Administrators' unfiltered worklist in the default order.
create index ocs_order_by_urgency on ocs_order (priority_rank, created_at, id);
-- A worker's own orders ("mine"); unassigned orders have no worker and are left out.
create index ocs_order_by_worker on ocs_order (worker_id, status, created_at) where worker_id is not null;
-- A patient's orders.
create index ocs_order_by_patient on ocs_order (patient_id, created_at);

-- Orders a doctor places for radiology (RIS) or lab (LIS) work. The version is the aggregate's version: it starts
-- at 1, grows by one per change, guards concurrent changes and is the sequence of the order's events.
create table ocs_order (
    id            uuid        primary key,
    patient_id    text        not null,
    doctor_id     text        not null,
    job_role      text        not null check (job_role in ('RIS', 'LIS')),
    order_code    text        not null,
    priority      text        not null check (priority in ('ROUTINE', 'URGENT', 'STAT')),
    notes         text,
    status        text        not null check (status in ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    worker_id     text,
    result        text,
    cancel_reason text,
    version       bigint      not null check (version >= 1),
    created_at    timestamptz not null,
    accepted_at   timestamptz,
    started_at    timestamptz,
    completed_at  timestamptz,
    cancelled_at  timestamptz
);

-- Worklists: a job role's orders by status, oldest first; a doctor's own orders.
create index ocs_order_worklist on ocs_order (job_role, status, created_at);
create index ocs_order_by_doctor on ocs_order (doctor_id, created_at);

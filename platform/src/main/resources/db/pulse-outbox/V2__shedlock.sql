-- ShedLock's lock table: periodic jobs that only one instance of a service may run at a time (the outbox's retention,
-- a service's own housekeeping) take a row here for as long as they run (ShedLock's JDBC provider, database time).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

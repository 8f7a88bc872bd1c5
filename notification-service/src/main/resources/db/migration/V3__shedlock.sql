-- ShedLock's lock table: housekeeping that only one instance may run at a time (inbox retention) takes a row here for
-- as long as it runs (ShedLock's JDBC provider, database time).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

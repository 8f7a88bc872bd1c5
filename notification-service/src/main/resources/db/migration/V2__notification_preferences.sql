-- Per-user notification preferences, applied to the inbox and to live delivery. A user without a row gets the
-- defaults (everything). updated_at lets every instance reload what changed since its last look.
create table notification_preference (
    user_id           text        primary key,
    minimum_priority  text        not null check (minimum_priority in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    muted_types       text[]      not null default '{}',
    updated_at        timestamptz not null default clock_timestamp()
);

create index notification_preference_changed on notification_preference (updated_at);

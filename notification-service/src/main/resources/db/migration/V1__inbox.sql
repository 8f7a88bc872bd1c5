-- The inbox: one row per event (not per recipient), with the channels it was routed to. A user's inbox is the rows
-- whose channels overlap the channels the user sees, so a role channel such as ocs:all costs one row, not one per
-- administrator. The event id is the dedupe key: a redelivered event inserts nothing.
create table notification (
    seq          bigint      generated always as identity primary key,
    event_id     text        not null unique,
    type         text        not null,
    subject      text,
    channels     text[]      not null,
    -- 1 LOW, 2 NORMAL, 3 HIGH, 4 CRITICAL (preference/Priority): a number so "at least" is one comparison
    priority     smallint    not null check (priority between 1 and 4),
    title        text        not null,
    summary      text        not null,
    occurred_at  timestamptz not null,
    -- <topic>:<partition>:<offset>, the same position the live stream gives the event
    position     text        not null,
    -- the CloudEvent exactly as Kafka held it (json, not jsonb: kept byte for byte)
    event        json        not null,
    received_at  timestamptz not null default now()
);

create index notification_by_channel on notification using gin (channels);
create index notification_newest on notification (occurred_at desc, seq desc);

-- Read state per user: single read markers, and a watermark "everything up to seq N is read" set by read-all, so
-- marking thousands of notifications read is one row.
create table notification_read (
    user_id          text        not null,
    notification_seq bigint      not null references notification (seq) on delete cascade,
    read_at          timestamptz not null default now(),
    primary key (user_id, notification_seq)
);

create table notification_read_watermark (
    user_id     text        primary key,
    read_up_to  bigint      not null,
    updated_at  timestamptz not null default now()
);

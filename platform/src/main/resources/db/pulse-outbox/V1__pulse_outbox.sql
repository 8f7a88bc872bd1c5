-- The transactional outbox: a domain change and the event announcing it commit together in one transaction;
-- the relay publishes committed rows to Kafka in id order and marks them published once Kafka acknowledged.
create table pulse_outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    sequence     bigint      not null,
    payload      bytea       not null,
    traceparent  text,
    created_at   timestamptz not null default clock_timestamp(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    -- one event per aggregate version: a second writer of the same version is a bug, not a race to win
    constraint pulse_outbox_one_event_per_version unique (topic, message_key, sequence)
);

-- What the relay reads: pending rows in commit order of each aggregate.
create index pulse_outbox_pending on pulse_outbox (id) where published_at is null;
-- What retention deletes.
create index pulse_outbox_published on pulse_outbox (published_at) where published_at is not null;

-- Wake the relay when a transaction that wrote events commits (NOTIFY is delivered on commit, never before).
create function pulse_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('pulse_outbox', '');
    return null;
end
$$;

create trigger pulse_outbox_notify after insert on pulse_outbox
    for each statement execute function pulse_outbox_notify();

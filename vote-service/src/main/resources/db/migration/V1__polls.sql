-- Employee polls (seed 002). A poll's version grows by one with every change of its ballots and at close; it is the
-- sequence of the poll's events and the ETag of its stats. Counts live on the options and change in the transaction
-- that changes a ballot, under the poll's row lock, so they always equal a recount of the ballots.
create table vote_poll (
    id                 bigint      generated always as identity primary key,
    title              text        not null,
    kind               text        not null check (kind in ('PLACE', 'MENU', 'GENERAL')),
    max_choices        integer     not null check (max_choices >= 1),
    results_visibility text        not null check (results_visibility in ('LIVE', 'AFTER_VOTE', 'AFTER_CLOSE')),
    status             text        not null check (status in ('OPEN', 'CLOSED')),
    created_by         text        not null,
    created_at         timestamptz not null,
    closes_at          timestamptz,
    closed_at          timestamptz,
    closed_by          text,
    version            bigint      not null check (version >= 1),
    total_voters       integer     not null default 0 check (total_voters >= 0),
    -- the version the last vote.poll.tallied event carried, and when it was written: tallies are coalesced
    tallied_version    bigint      not null,
    tallied_at         timestamptz
);

-- The closer's question: which open polls are due.
create index vote_poll_due on vote_poll (closes_at) where status = 'OPEN' and closes_at is not null;
-- The tally flusher's question: which polls changed since their last tally event.
create index vote_poll_untallied on vote_poll (id) where tallied_version < version;
create index vote_poll_by_status on vote_poll (status, id);

create table vote_option (
    id       bigint  generated always as identity primary key,
    poll_id  bigint  not null references vote_poll (id),
    position integer not null,
    label    text    not null,
    votes    integer not null default 0 check (votes >= 0),
    unique (poll_id, position)
);

-- One row per employee per poll: their current choices.
create table vote_ballot (
    poll_id    bigint      not null references vote_poll (id),
    emp_no     text        not null,
    user_id    text        not null,
    option_ids bigint[]    not null check (cardinality(option_ids) >= 1),
    cast_at    timestamptz not null,
    changed_at timestamptz not null,
    primary key (poll_id, emp_no)
);

-- Every change of a ballot: who, from what, to what, when. A retraction has no 'to', a first ballot no 'from'.
create table vote_ballot_audit (
    id              bigint      generated always as identity primary key,
    poll_id         bigint      not null references vote_poll (id),
    emp_no          text        not null,
    user_id         text        not null,
    from_option_ids bigint[],
    to_option_ids   bigint[],
    changed_at      timestamptz not null,
    poll_version    bigint      not null
);
create index vote_ballot_audit_by_poll on vote_ballot_audit (poll_id, id);

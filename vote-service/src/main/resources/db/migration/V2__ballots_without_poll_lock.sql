-- Issue 14: ballots of one poll no longer queue on the poll's row lock. A ballot takes the poll row FOR SHARE (a close
-- takes it FOR UPDATE, so no ballot lands after a close), changes only its own vote_ballot row, and appends its audit
-- line and a "tally due" marker. Nothing a ballot writes is shared with another voter, so ballots run side by side.
--
-- Counts, voters and the poll's version are therefore no longer stored but recounted from the ballots in one
-- statement (one snapshot) whenever they are read: counts always equal a recount because they are one. The poll's
-- version is vote_poll.version (its own changes: 1 at open, +2 at close) plus the number of its ballot changes (rows of
-- vote_ballot_audit) — the same numbers as before, now counted instead of kept.

-- The tally writer's own row per poll, so writing a tally never touches (or waits on) the poll's row.
create table vote_tally (
    poll_id    bigint      primary key references vote_poll (id),
    -- the version the poll's last vote.poll.tallied event carried, and when it was written (null: none yet)
    version    bigint      not null,
    tallied_at timestamptz
);
insert into vote_tally (poll_id, version, tallied_at) select id, tallied_version, tallied_at from vote_poll;

-- One row per ballot change not yet in a tally event; the writer deletes what it recounted. Appended, never updated,
-- so concurrent ballots never wait for each other here.
create table vote_tally_due (
    id      bigint generated always as identity primary key,
    poll_id bigint not null references vote_poll (id)
);
create index vote_tally_due_by_poll on vote_tally_due (poll_id);
insert into vote_tally_due (poll_id) select id from vote_poll where tallied_version < version;

update vote_poll p set version = p.version - (select count(*) from vote_ballot_audit a where a.poll_id = p.id);

drop index vote_poll_untallied;
alter table vote_poll drop column total_voters, drop column tallied_version, drop column tallied_at;
alter table vote_option drop column votes;
-- a change's version is its place in the poll's log (BallotStore.changes), no longer known when it is written
alter table vote_ballot_audit drop column poll_version;

create table widget (
    id      uuid primary key,
    name    text    not null,
    version bigint  not null
);

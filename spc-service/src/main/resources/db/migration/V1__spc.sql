-- A product whose characteristic is measured: its specification, subgroup size, run rules and capability threshold.
-- version guards the specification (ETag/If-Match); event_sequence numbers the product's events (all of them are keyed
-- by the product), and the row lock on it orders every command on one product.
create table spc_product (
    id                    bigint generated always as identity primary key,
    code                  text             not null unique,
    name                  text             not null,
    unit                  text,
    lsl                   double precision,
    usl                   double precision,
    target                double precision,
    subgroup_size         int              not null check (subgroup_size between 1 and 25),
    rules                 text             not null,
    capability_threshold  double precision not null,
    version               bigint           not null check (version >= 1),
    event_sequence        bigint           not null default 0,
    created_at            timestamptz      not null,
    created_by            text             not null,
    check (lsl is not null or usl is not null),
    check (lsl is null or usl is null or lsl < usl)
);

-- One subgroup's point: filled value by value; complete at subgroup_size values, then judged once against the limit
-- set in force (limit_version). Judging the next point reads only the last few complete subgroups: O(window).
create table spc_subgroup (
    product_id      bigint           not null references spc_product (id),
    number          bigint           not null check (number >= 1),
    size            int              not null check (size between 0 and 25),
    complete        boolean          not null,
    mean            double precision,
    dispersion      double precision,
    limit_version   int,
    within_control  boolean,
    violations      text             not null default '[]',
    completed_at    timestamptz,
    primary key (product_id, number)
);
create index spc_subgroup_complete on spc_subgroup (product_id, number) where complete;

-- Every value. The unique key makes a second value in the same place impossible, whatever the application does.
create table spc_measurement (
    id               bigint generated always as identity primary key,
    product_id       bigint           not null references spc_product (id),
    subgroup_number  bigint           not null,
    sample_number    int              not null check (sample_number between 1 and 25),
    value            double precision not null,
    within_spec      boolean          not null,
    measured_at      timestamptz      not null,
    recorded_at      timestamptz      not null,
    recorded_by      text             not null,
    unique (product_id, subgroup_number, sample_number),
    foreign key (product_id, subgroup_number) references spc_subgroup (product_id, number)
);

-- Frozen control-limit sets, versioned per product (Phase I); the highest version is in force.
create table spc_limit_set (
    product_id              bigint           not null references spc_product (id),
    version                 int              not null check (version >= 1),
    chart                   text             not null check (chart in ('I_MR', 'XBAR_R', 'XBAR_S')),
    subgroup_size           int              not null,
    subgroups_used          int              not null,
    center_line             double precision not null,
    ucl                     double precision not null,
    lcl                     double precision not null,
    dispersion_center_line  double precision not null,
    dispersion_ucl          double precision not null,
    dispersion_lcl          double precision not null,
    sigma_within            double precision not null,
    plotted_sigma           double precision not null,
    from_subgroup           bigint           not null,
    to_subgroup             bigint           not null,
    excluded                text             not null,
    automatic               boolean          not null,
    frozen_at               timestamptz      not null,
    frozen_by               text,
    primary key (product_id, version)
);

-- Capability analyses; the latest is the product's current one.
create table spc_capability (
    id                  bigint generated always as identity primary key,
    product_id          bigint           not null references spc_product (id),
    from_subgroup       bigint           not null,
    to_subgroup         bigint           not null,
    n                   int              not null,
    mean                double precision not null,
    sigma_within        double precision,
    sigma_overall       double precision,
    cp                  double precision,
    cpk                 double precision,
    cpu                 double precision,
    cpl                 double precision,
    pp                  double precision,
    ppk                 double precision,
    cpm                 double precision,
    ppm_outside_spec    double precision,
    ppm_outside_spec_within double precision,
    cpk_lower_bound_95  double precision,
    lsl                 double precision,
    usl                 double precision,
    target              double precision,
    analyzed_at         timestamptz      not null,
    analyzed_by         text
);
create index spc_capability_latest on spc_capability (product_id, id desc);

-- Quality alerts. At most one OPEN automatic alert per product, type and test: repeats are counted on it.
create table spc_alert (
    id               bigint generated always as identity primary key,
    product_id       bigint      not null references spc_product (id),
    alert_type       text        not null check (alert_type in
                         ('OUT_OF_SPEC', 'OUT_OF_CONTROL', 'RUN_RULE_VIOLATION', 'LOW_CAPABILITY', 'MANUAL')),
    test             int         check (test between 1 and 8),
    manual           boolean     not null,
    priority         int         not null check (priority between 1 and 5),
    title            text        not null,
    message          text        not null,
    status           text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    repeat_count     int         not null default 0,
    limit_version    int,
    subgroup_number  bigint,
    created_at       timestamptz not null,
    created_by       text,
    last_seen_at     timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    resolved_at      timestamptz,
    resolved_by      text,
    cause            text,
    action           text
);
create unique index spc_alert_one_open on spc_alert (product_id, alert_type, coalesce(test, 0))
    where status = 'OPEN' and not manual;
create index spc_alert_by_time on spc_alert (created_at desc, id desc);
create index spc_alert_by_product on spc_alert (product_id, created_at desc);

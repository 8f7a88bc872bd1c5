-- The hospital's exams and their rooms. board_version is the exam queue's own count of its changes: the sequence of
-- its journey.queue.updated events, and the row every change of that queue locks (after the patient's row).
create table exam (
    exam_id                 text    primary key,
    title                   text    not null,
    -- the typical examination before there is history (EstimatedWait's default)
    default_service_minutes integer not null default 10 check (default_service_minutes > 0),
    board_version           bigint  not null default 0
);

create table exam_room (
    room_id  text    primary key,
    exam_id  text    not null references exam,
    name     text    not null,
    location text    not null,
    open     boolean not null default true
);

-- Patients of the hospital. version is the patient's count of announced changes: the sequence of the events about
-- them (journey.patient.*). user_id is the login the patient's token carries as sub (patient.1001).
create table patient (
    patient_id    text        primary key,
    user_id       text        not null unique,
    name          text        not null,
    phone         text        not null,
    birth_date    date        not null,
    journey_state text        not null check (journey_state in ('UNREGISTERED', 'ARRIVED', 'REGISTERED', 'WAITING',
                                  'CALLED', 'IN_PROGRESS', 'COMPLETED', 'PAYMENT', 'FINISHED')),
    version       bigint      not null default 0,
    updated_at    timestamptz not null default now()
);

-- The kiosk's simple login looks patients up by the phone's last four digits and the birth date.
create index patient_simple_login on patient (right(phone, 4), birth_date);

create table appointment (
    appointment_id bigint      generated always as identity primary key,
    patient_id     text        not null references patient,
    exam_id        text        not null references exam,
    scheduled_at   timestamptz not null,
    status         text        not null default 'scheduled'
);

create index appointment_by_patient on appointment (patient_id, scheduled_at);

-- NFC tags (and the QR codes printed beside them): the entrance, or an exam room.
create table nfc_tag (
    tag_id   text primary key,
    location text not null,
    kind     text not null check (kind in ('ENTRANCE', 'ROOM')),
    room_id  text references exam_room
);

-- One patient in one exam's line. queue_number is gap-free per exam and day (queue_counter); a patient has at most
-- one active entry (not completed, not cancelled), which the journey state follows.
create table queue_entry (
    queue_id     uuid        primary key,
    exam_id      text        not null references exam,
    patient_id   text        not null references patient,
    service_day  date        not null,
    queue_number integer     not null check (queue_number >= 1),
    state        text        not null check (state in ('waiting', 'delayed', 'called', 'no_show', 'in_progress',
                                 'completed', 'cancelled')),
    priority     integer     not null default 0,
    no_shows     integer     not null default 0 check (no_shows >= 0),
    room_id      text        references exam_room,
    arrived_at   timestamptz not null,
    held_until   timestamptz,
    called_at    timestamptz,
    started_at   timestamptz,
    finished_at  timestamptz,
    constraint queue_entry_number_once unique (exam_id, service_day, queue_number)
);

create index queue_entry_by_patient on queue_entry (patient_id, arrived_at);
create index queue_entry_active_by_exam on queue_entry (exam_id, state) where state not in ('completed', 'cancelled');
create index queue_entry_finished_by_exam on queue_entry (exam_id, finished_at) where state = 'completed';

-- The last queue number given per exam and day: incremented in the joining transaction, so a rolled-back join gives
-- its number back and the numbers stay 1, 2, 3... without gaps.
create table queue_counter (
    exam_id     text    not null references exam,
    service_day date    not null,
    last_number integer not null,
    primary key (exam_id, service_day)
);

-- Every change of a patient: who, what, from where to where, why (trigger), with the action's payload.
create table journey_transition (
    id          bigint      generated always as identity primary key,
    patient_id  text        not null references patient,
    actor_id    text        not null,
    actor       text        not null check (actor in ('patient', 'staff')),
    action      text        not null,
    from_state  text        not null,
    to_state    text        not null,
    trigger     text        not null check (trigger in ('patient_action', 'staff_action', 'nfc_tag', 'queue_sync')),
    queue_id    uuid,
    payload     jsonb,
    occurred_at timestamptz not null
);

create index journey_transition_by_patient on journey_transition (patient_id, id);

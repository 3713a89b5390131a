-- Events: one row per provider plan ever seen online, never deleted.
CREATE SEQUENCE events_version_seq;

CREATE TABLE events (
    id                   uuid        PRIMARY KEY,
    base_plan_id         bigint      NOT NULL,
    plan_id              bigint      NOT NULL,
    title                text        NOT NULL,
    organizer_company_id bigint,
    starts_at            timestamp   NOT NULL,
    ends_at              timestamp   NOT NULL,
    sell_from            timestamp,
    sell_to              timestamp,
    sold_out             boolean     NOT NULL DEFAULT false,
    min_price            numeric,
    max_price            numeric,
    zones                jsonb       COMPRESSION lz4 NOT NULL DEFAULT '[]', -- lz4: several times cheaper than pglz to write and read
    first_seen_at        timestamptz NOT NULL,
    last_seen_at         timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL,
    CONSTRAINT events_plan_key UNIQUE (base_plan_id, plan_id),
    CONSTRAINT events_ends_after_start CHECK (ends_at >= starts_at),
    CONSTRAINT events_price_range CHECK (min_price <= max_price)
) WITH (fillfactor = 90); -- room for HOT updates: a sighting only touches the unindexed last_seen_at

-- /search: starts_at >= @from AND ends_at <= @to ORDER BY starts_at, id
CREATE INDEX events_search_idx ON events (starts_at, id) INCLUDE (ends_at);
-- incremental readers: WHERE version > @known
CREATE INDEX events_version_idx ON events (version);

-- Sync runs: every pass of the worker, whatever its outcome.
CREATE TABLE sync_runs (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    outcome         text        NOT NULL,
    worker          text        NOT NULL,
    provider_url    text,
    http_status     integer,
    attempts        integer     NOT NULL DEFAULT 0,
    bytes_read      bigint      NOT NULL DEFAULT 0,
    plans_seen      integer     NOT NULL DEFAULT 0,
    plans_inserted  integer     NOT NULL DEFAULT 0,
    plans_updated   integer     NOT NULL DEFAULT 0,
    plans_unchanged integer     NOT NULL DEFAULT 0,
    plans_skipped   integer     NOT NULL DEFAULT 0,
    zones_skipped   integer     NOT NULL DEFAULT 0,
    skip_reasons    jsonb       NOT NULL DEFAULT '{}',
    error           text,
    CONSTRAINT sync_runs_outcome_check
        CHECK (outcome IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned'))
);

CREATE INDEX sync_runs_started_at_idx ON sync_runs (started_at DESC);

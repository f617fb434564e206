-- docparse report JSON as relational tables (`docparse load OUT.db INPUT...`).
--
-- Portable DDL: column types are TEXT and INTEGER only, so the same statements create the tables in
-- SQLite and in PostgreSQL. Money, rates and scores are TEXT exact decimal strings as in the JSON
-- (money: yuan with exactly two decimals, "3860000.00"); never REAL. The views at the end give
-- exact integer cents for sums and a cast for analysis.
-- JSON columns hold the JSON text of the named JSON field (provenance objects, evidence lists).
-- Provenance columns: block (0-based block index), start_char/end_char (character offsets in the
-- block), page (1-based, PDF), paragraph (0-based, Word), line (1-based, text files).
-- Child tables are keyed by (report_id, ordinal): ordinal is the 0-based position in the JSON list.

-- One row per report; (source_sha256, source_path) identifies it. Loading a report with the same
-- key again replaces all its rows and keeps its id.
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    source_sha256 TEXT,             -- SHA-256 of the input bytes (hex)
    source_path TEXT,               -- input path as given to docparse
    source_format TEXT NOT NULL,    -- txt, docx, pdf, doc, wps
    source_pages INTEGER,           -- pages of a PDF
    converted_from TEXT,            -- .doc / .wps when converted before reading
    type TEXT NOT NULL,             -- project_self_evaluation, department_overall, evaluation_report, …
    title TEXT,                     -- the report's title as written
    fiscal_year INTEGER,            -- the year the report evaluates
    unit TEXT,                      -- reporting or implementing unit
    project TEXT,                   -- project or special fund evaluated
    schema_version TEXT NOT NULL,   -- version of the JSON schema the object follows
    docparse_version TEXT           -- docparse version that wrote the JSON
);
CREATE UNIQUE INDEX IF NOT EXISTS reports_source ON reports (source_sha256, source_path);

-- The section tree, flattened in document order (pre-order); parent_id is NULL at the top level.
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES sections (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,       -- 0-based position in document order within the report
    heading TEXT NOT NULL,          -- heading as written, numbering included
    level INTEGER NOT NULL,         -- 1 top level, 2 below it, …
    number TEXT,                    -- numbering label alone ("一、", "（二）")
    title TEXT,                     -- heading without its numbering
    canonical TEXT,                 -- canonical key (basic_info, funds, performance, …) or NULL
    canonical_score TEXT,           -- similarity 0–100 of heading to the canonical entry
    block INTEGER,                  -- block index of the heading
    end_block INTEGER,              -- last block of the section, sub-sections included
    page INTEGER,
    paragraph INTEGER,
    line INTEGER
);
CREATE INDEX IF NOT EXISTS sections_report ON sections (report_id, ordinal);
CREATE INDEX IF NOT EXISTS sections_parent ON sections (parent_id);

-- Every money amount, percentage, percentage-point change and count, in document order.
CREATE TABLE IF NOT EXISTS mentions (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    kind TEXT NOT NULL,             -- money, percent, ratio_points, count
    text TEXT NOT NULL,             -- surface as written ("372.8万元")
    value TEXT NOT NULL,            -- exact decimal: yuan with 2 decimals for money; low end of a range
    value_high TEXT,                -- high end of a range ("3至5万元"), else NULL
    unit TEXT,                      -- original unit (万元, 元) or measure word (个, 人)
    scale TEXT,                     -- factor from the original unit to yuan (10000 for 万元)
    qualifier TEXT,                 -- approx, at_least, at_most, more_than, range
    comparator TEXT,                -- comparison sign or word as written
    direction TEXT,                 -- up / down where the text states a change
    unit_from TEXT,                 -- where a bare number's unit came from
    block INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    page INTEGER,
    paragraph INTEGER,
    line INTEGER,
    PRIMARY KEY (report_id, ordinal)
);

-- Report-level figures: budget, adjusted_budget, arrived, spent, arrival_rate, execution_rate,
-- score, grade, and evaluation_score / evaluation_grade (the JSON's evaluation object).
-- Only figures the report states have a row.
CREATE TABLE IF NOT EXISTS facts (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,            -- yuan with 2 decimals, a percent/score number, or a grade 优/良/中/差
    text TEXT NOT NULL,             -- the surface the value was read from
    provenance TEXT,                -- JSON object
    also_stated_at TEXT,            -- JSON list of provenance objects
    PRIMARY KEY (report_id, name)
);

-- Itemised spending lines.
CREATE TABLE IF NOT EXISTS fund_items (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,       -- index in funds.items (referred to by fund_listing_items)
    group_name TEXT,                -- heading or lead phrase the item is listed under
    name TEXT NOT NULL,             -- what the money was for
    value TEXT NOT NULL,            -- yuan, exactly two decimals
    text TEXT,                      -- the amount as written
    provenance TEXT,                -- JSON object
    PRIMARY KEY (report_id, ordinal)
);

-- Itemised listings as the text states them, with the totals stated for them.
CREATE TABLE IF NOT EXISTS fund_listings (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    group_name TEXT,
    total_value TEXT,               -- yuan the listing says its items add up to, or NULL
    total_text TEXT,
    subtotal_value TEXT,            -- yuan stated for the group itself, or NULL
    subtotal_text TEXT,
    provenance TEXT,                -- JSON object
    total TEXT,                     -- JSON of the total fact (with its provenance)
    subtotal TEXT,                  -- JSON of the subtotal fact
    PRIMARY KEY (report_id, ordinal)
);

-- Which fund items each listing names.
CREATE TABLE IF NOT EXISTS fund_listing_items (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    listing INTEGER NOT NULL,       -- fund_listings.ordinal
    item INTEGER NOT NULL,          -- fund_items.ordinal
    PRIMARY KEY (report_id, listing, item)
);

-- The money block of a 绩效自评表 (年度资金总额, 本年财政拨款, 上年结转资金, 其他资金).
CREATE TABLE IF NOT EXISTS money_rows (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,             -- row label as written
    budget TEXT,                    -- 年初预算数, yuan
    adjusted_budget TEXT,           -- 全年预算数 / 调整后预算数, yuan
    spent TEXT,                     -- 全年执行数, yuan
    weight TEXT,                    -- 分值, points
    rate TEXT,                      -- 执行率, percent number
    score TEXT,                     -- 得分, points
    cells TEXT,                     -- JSON: per field, the cell text as written and its provenance
    provenance TEXT,                -- JSON object
    PRIMARY KEY (report_id, ordinal)
);

-- Performance indicators (绩效指标) in document order.
CREATE TABLE IF NOT EXISTS indicators (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    level1 TEXT,                    -- 一级指标
    level2 TEXT,                    -- 二级指标
    name TEXT NOT NULL,             -- 三级指标
    target TEXT,                    -- 年度指标值 as written
    actual TEXT,                    -- 实际完成值 as written
    weight TEXT,                    -- 分值
    score TEXT,                     -- 得分
    met INTEGER,                    -- 1 met, 0 not met, NULL cannot be told
    deviation TEXT,                 -- 偏差原因分析及改进措施
    source TEXT,                    -- table or text
    target_op TEXT,                 -- typed target: ≥ ≤ > < =
    target_value TEXT,              -- typed target number (NULL for qualitative)
    target_unit TEXT,
    actual_op TEXT,
    actual_value TEXT,
    actual_unit TEXT,
    provenance TEXT,                -- JSON object
    PRIMARY KEY (report_id, ordinal)
);

-- Cross-checks of figures that must agree.
CREATE TABLE IF NOT EXISTS checks (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    check_id TEXT NOT NULL,         -- sum.fund_items, rate.execution, order.spent_le_arrived_le_budget, …
    status TEXT NOT NULL,           -- pass, fail, unknown
    message TEXT NOT NULL,          -- Chinese
    message_en TEXT,
    expected TEXT,                  -- value that would make the check pass
    found TEXT,                     -- value stated in the report
    note TEXT,
    evidence TEXT,                  -- JSON list: each figure involved with its provenance
    PRIMARY KEY (report_id, ordinal)
);
CREATE INDEX IF NOT EXISTS checks_status ON checks (status, check_id);

-- What docparse noticed but could not settle.
CREATE TABLE IF NOT EXISTS warnings (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    code TEXT NOT NULL,             -- stable identifier
    message TEXT NOT NULL,
    detail TEXT,                    -- JSON object of the warning's other fields, or NULL
    PRIMARY KEY (report_id, ordinal)
);

-- Views for analysis. *_cents columns are exact integers (money has exactly two decimals);
-- divide by 100 for yuan. For non-money decimals cast in the query: CAST(x AS REAL) in SQLite,
-- CAST(x AS NUMERIC) in PostgreSQL.
DROP VIEW IF EXISTS fund_items_cents;
CREATE VIEW fund_items_cents AS
SELECT report_id, ordinal, group_name, name, value,
       CAST(REPLACE(value, '.', '') AS BIGINT) AS value_cents
FROM fund_items;

DROP VIEW IF EXISTS report_money;
CREATE VIEW report_money AS
SELECT r.id AS report_id, r.fiscal_year, r.unit, r.project,
       CAST(REPLACE(b.value, '.', '') AS BIGINT) AS budget_cents,
       CAST(REPLACE(a.value, '.', '') AS BIGINT) AS adjusted_budget_cents,
       CAST(REPLACE(v.value, '.', '') AS BIGINT) AS arrived_cents,
       CAST(REPLACE(s.value, '.', '') AS BIGINT) AS spent_cents
FROM reports r
LEFT JOIN facts b ON b.report_id = r.id AND b.name = 'budget'
LEFT JOIN facts a ON a.report_id = r.id AND a.name = 'adjusted_budget'
LEFT JOIN facts v ON v.report_id = r.id AND v.name = 'arrived'
LEFT JOIN facts s ON s.report_id = r.id AND s.name = 'spent';

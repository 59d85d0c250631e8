import type Database from 'better-sqlite3';

/** Identifies a Regiekaart document in the SQLite header ("RGK1"). */
export const APPLICATION_ID = 0x52474b31;

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

const V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE vocab (
  kind TEXT NOT NULL, code TEXT NOT NULL, nl TEXT NOT NULL, en TEXT NOT NULL,
  props TEXT NOT NULL DEFAULT '{}', sort INTEGER NOT NULL DEFAULT 0, builtin INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (kind, code)
) WITHOUT ROWID;
CREATE TABLE areas (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, inhabitants INTEGER, notes TEXT
);
CREATE TABLE area_parents (
  area_id TEXT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  parent_id TEXT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
  PRIMARY KEY (area_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE actors (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, sectors TEXT NOT NULL DEFAULT '[]',
  legal_form TEXT NOT NULL, level TEXT NOT NULL,
  area_id TEXT REFERENCES areas(id) ON DELETE SET NULL,
  controlled_by_id TEXT REFERENCES actors(id) ON DELETE SET NULL,
  kbo TEXT UNIQUE, sociale_kaart_id TEXT, sociale_kaart_synced_at TEXT,
  contact TEXT NOT NULL DEFAULT '{}', active INTEGER NOT NULL DEFAULT 1, notes TEXT, custom TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX actors_controlled_by ON actors(controlled_by_id);
CREATE TABLE org_units (
  id TEXT PRIMARY KEY, actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE, name TEXT NOT NULL,
  kind TEXT NOT NULL, parent_unit_id TEXT REFERENCES org_units(id) ON DELETE SET NULL, reports_to TEXT, notes TEXT
);
CREATE TABLE functions (
  id TEXT PRIMARY KEY, actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  org_unit_id TEXT REFERENCES org_units(id) ON DELETE SET NULL, title TEXT NOT NULL, notes TEXT
);
CREATE TABLE services (
  id TEXT PRIMARY KEY, provider_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  org_unit_id TEXT REFERENCES org_units(id) ON DELETE SET NULL, name TEXT NOT NULL,
  life_domains TEXT NOT NULL DEFAULT '[]', target_groups TEXT NOT NULL DEFAULT '[]', area_ids TEXT NOT NULL DEFAULT '[]',
  outreach INTEGER NOT NULL DEFAULT 0, functions TEXT NOT NULL DEFAULT '[]', active INTEGER NOT NULL DEFAULT 1, notes TEXT
);
CREATE INDEX services_provider ON services(provider_id);
CREATE TABLE partnerships (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  actor_id TEXT UNIQUE REFERENCES actors(id) ON DELETE SET NULL,
  lead_actor_id TEXT REFERENCES actors(id) ON DELETE SET NULL,
  area_id TEXT REFERENCES areas(id) ON DELETE SET NULL,
  life_domains TEXT NOT NULL DEFAULT '[]', target_groups TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1, notes TEXT
);
CREATE TABLE agreements (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, title TEXT NOT NULL,
  partnership_id TEXT REFERENCES partnerships(id) ON DELETE SET NULL,
  status TEXT NOT NULL, start_date TEXT, end_date TEXT, review_date TEXT,
  auto_renew INTEGER NOT NULL DEFAULT 0, notice_period TEXT, decision TEXT, document_ref TEXT, legal_basis TEXT,
  life_domains TEXT NOT NULL DEFAULT '[]', target_groups TEXT NOT NULL DEFAULT '[]', area_ids TEXT NOT NULL DEFAULT '[]',
  finance TEXT, source_ref TEXT, notes TEXT, custom TEXT NOT NULL DEFAULT '{}',
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE TABLE agreement_parties (
  agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  function_id TEXT REFERENCES functions(id) ON DELETE SET NULL,
  org_unit_id TEXT REFERENCES org_units(id) ON DELETE SET NULL,
  cluster TEXT,
  PRIMARY KEY (agreement_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX agreement_parties_actor ON agreement_parties(actor_id);
CREATE TABLE partnership_members (
  id TEXT PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL, cluster TEXT, since TEXT, until TEXT,
  agreement_id TEXT REFERENCES agreements(id) ON DELETE SET NULL,
  UNIQUE (partnership_id, actor_id, role)
);
CREATE TABLE role_assignments (
  id TEXT PRIMARY KEY, role TEXT NOT NULL,
  actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE,
  org_unit_id TEXT REFERENCES org_units(id) ON DELETE CASCADE,
  function_id TEXT REFERENCES functions(id) ON DELETE CASCADE,
  partnership_id TEXT REFERENCES partnerships(id) ON DELETE CASCADE,
  statutory INTEGER NOT NULL DEFAULT 0, since TEXT, until TEXT, notes TEXT,
  CHECK (actor_id IS NOT NULL OR org_unit_id IS NOT NULL OR function_id IS NOT NULL)
);
CREATE TABLE governance_models (
  id TEXT PRIMARY KEY, actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE, title TEXT NOT NULL,
  status TEXT NOT NULL, decision TEXT, adopted_date TEXT, review_date TEXT,
  separated_unit_ids TEXT NOT NULL DEFAULT '[]', notes TEXT
);
CREATE TABLE gaps (
  id TEXT PRIMARY KEY, rule_id TEXT, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  target_groups TEXT NOT NULL DEFAULT '[]', life_domains TEXT NOT NULL DEFAULT '[]',
  area_id TEXT REFERENCES areas(id) ON DELETE SET NULL,
  severity TEXT NOT NULL, status TEXT NOT NULL, status_note TEXT, owner TEXT,
  actor_ids TEXT NOT NULL DEFAULT '[]', agreement_ids TEXT NOT NULL DEFAULT '[]', recorded_on TEXT
);
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, author TEXT NOT NULL, batch TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL CHECK (op IN ('create','update','delete')),
  before TEXT, after TEXT, summary TEXT NOT NULL
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
  BEGIN SELECT RAISE(ABORT, 'Het wijzigingslogboek kan niet worden aangepast.'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
  BEGIN SELECT RAISE(ABORT, 'Het wijzigingslogboek kan niet worden aangepast.'); END;
`;

const V2 = `
CREATE TABLE views (id TEXT PRIMARY KEY, name TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '{}', notes TEXT);
INSERT INTO views (id, name, filters) VALUES ('STANDAARD', 'Standaardweergave', '{}');
CREATE TABLE positions (
  id TEXT PRIMARY KEY, view_id TEXT NOT NULL REFERENCES views(id) ON DELETE CASCADE,
  node_id TEXT NOT NULL, x REAL NOT NULL, y REAL NOT NULL, UNIQUE (view_id, node_id)
);
CREATE TABLE history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, batch TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
  at TEXT NOT NULL, author TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'dropped'))
);
CREATE INDEX change_log_batch ON change_log(batch);
`;

const V3 = `
ALTER TABLE actors ADD COLUMN board_member_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE agreements ADD COLUMN conditions TEXT;
ALTER TABLE gaps ADD COLUMN finding_key TEXT;
CREATE TABLE meetings (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT,
  body_actor_id TEXT REFERENCES actors(id) ON DELETE SET NULL,
  partnership_id TEXT REFERENCES partnerships(id) ON DELETE SET NULL,
  chair_actor_id TEXT REFERENCES actors(id) ON DELETE SET NULL,
  chair_function_id TEXT REFERENCES functions(id) ON DELETE SET NULL,
  minutes_ref TEXT, items TEXT NOT NULL DEFAULT '[]', notes TEXT
);
CREATE TABLE mitigations (
  id TEXT PRIMARY KEY, finding_key TEXT, rule_id TEXT NOT NULL,
  actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE,
  measure TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', owner TEXT, decision_ref TEXT, decision_date TEXT,
  review_date TEXT, notes TEXT,
  CHECK (finding_key IS NOT NULL OR actor_id IS NOT NULL)
);
CREATE TABLE check_settings (
  id TEXT PRIMARY KEY CHECK (id = 'CONTROLES'), warning_days INTEGER NOT NULL, referral_share REAL NOT NULL,
  priority_pairs TEXT NOT NULL DEFAULT '[]', vulnerable_groups TEXT, gbo_member_types TEXT
);
`;

/** Version 4: the report builder's last choices and export (one row). */
const V4 = `
CREATE TABLE report_settings (
  id TEXT PRIMARY KEY CHECK (id = 'RAPPORT'), options TEXT NOT NULL, last_export_at TEXT, last_export_path TEXT
);
`;

/** Version 5: per actor, the merged maps it also comes from (provenance). */
const V5 = `
ALTER TABLE actors ADD COLUMN provenance TEXT NOT NULL DEFAULT '[]';
`;

/** Version 6: the other names an actor goes by (found by imports and merges as its name is). */
const V6 = `
ALTER TABLE actors ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
`;

/** All migrations, oldest first. Each runs in one transaction together with its user_version bump. */
export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'model v1', up: (db) => db.exec(V1) },
  // Views with saved positions, and the undo/redo history over change-log batches.
  { version: 2, name: 'views, positions, history', up: (db) => db.exec(V2) },
  // Meetings and agenda items (RC4, RC5), mitigations, check settings per document, agreement conditions (RC11),
  // board seats (RC12), and the finding a recorded gap was promoted from.
  { version: 3, name: 'meetings, mitigations, check settings', up: (db) => db.exec(V3) },
  // The report builder's settings, so the next meeting's pack is one click.
  { version: 4, name: 'report settings', up: (db) => db.exec(V4) },
  // Provenance per actor, for merging a neighbour's map.
  { version: 5, name: 'actor provenance', up: (db) => db.exec(V5) },
  // Other names per actor, so that a list that writes a name otherwise finds the actor (and the user's choice is kept).
  { version: 6, name: 'actor aliases', up: (db) => db.exec(V6) },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Runs the migrations above `from` in one transaction each, bumping user_version with every step. */
export function migrate(db: Database.Database, from: number, migrations: Migration[] = MIGRATIONS): number {
  let version = from;
  for (const m of migrations) {
    if (m.version <= version) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      if (version === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
    version = m.version;
  }
  return version;
}

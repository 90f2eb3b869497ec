-- Cross-document linking: event kinds and labels, discrepancy details, claim hedges and periods.
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'statement';
ALTER TABLE events ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE discrepancies ADD COLUMN issue TEXT;
ALTER TABLE discrepancies ADD COLUMN claims TEXT NOT NULL DEFAULT '[]';
ALTER TABLE discrepancies ADD COLUMN sides TEXT NOT NULL DEFAULT '[]';
ALTER TABLE discrepancies ADD COLUMN score REAL NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN qualifier TEXT;
ALTER TABLE claims ADD COLUMN since TEXT;
ALTER TABLE claims ADD COLUMN period TEXT NOT NULL DEFAULT 'total';
ALTER TABLE claims ADD COLUMN figure TEXT NOT NULL DEFAULT '';
CREATE INDEX claims_grp ON claims(grp);
CREATE INDEX claims_doc ON claims(doc);

-- Re-checks (复测) are reports of their own, tied to the alert that asked for them: the
-- fever reading that raised an alert is kept on the alert (reading_tenths) and is never
-- rewritten; a later correction of that report is recorded beside it (corrected_*).
CREATE TABLE health_rechecks (
  id {{PK}},
  alert_id BIGINT NOT NULL REFERENCES health_alerts(id),
  checkin_id BIGINT NOT NULL REFERENCES health_checkins(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  day TEXT NOT NULL,
  temperature_tenths INTEGER NOT NULL,
  method TEXT NOT NULL,
  symptoms TEXT NOT NULL DEFAULT '',
  symptom_other TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  location_country TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT 'none',
  remarks TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL DEFAULT 'self',
  recorded_by BIGINT,
  outcome TEXT NOT NULL,
  late INTEGER NOT NULL DEFAULT 0,
  submitted_at TEXT NOT NULL
);
CREATE INDEX health_rechecks_checkin ON health_rechecks(checkin_id);
CREATE INDEX health_rechecks_person ON health_rechecks(person_id, day);
ALTER TABLE health_alerts ADD COLUMN reading_tenths INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_alerts ADD COLUMN corrected_tenths INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_alerts ADD COLUMN corrected_at TEXT NOT NULL DEFAULT '';
UPDATE health_alerts SET reading_tenths =
  (SELECT c.temperature_tenths FROM health_checkins c WHERE c.id = health_alerts.checkin_id);

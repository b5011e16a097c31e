package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dicomcatalog.catalog.LevelRules.Kind;
import org.dicomcatalog.catalog.LevelRules.Rule;
import org.junit.jupiter.api.Test;

class LevelRulesTest {
    @Test
    void everyLevelStartsWithItsKeysAndNamesEachColumnOnce() {
        for (Level level : Level.values()) {
            List<String> columns = LevelRules.of(level).stream().map(Rule::column).toList();
            assertEquals(level.keys(), columns.subList(0, level.keys().size()), level.name());
            assertEquals(columns.size(), new HashSet<>(columns).size(), level + " has a column twice: " + columns);
        }
    }

    @Test
    void derivedColumnsAreSnakeCaseAndAttributesKeepTheirKeyword() {
        for (Rule r : LevelRules.RULES) {
            boolean keyword = Character.isUpperCase(r.column().charAt(0));
            if (keyword) {
                // a DICOM attribute: it is its own source, or a set of the instance attribute (ModalitiesInStudy)
                assertTrue(r.column().equals(r.source()) || r.kind() == Kind.DISTINCT_SET, r.toString());
            } else {
                assertTrue(r.column().matches("[a-z][a-z0-9_]*"), r.toString());
            }
        }
    }

    @Test
    void docsShowTheRulesAsDeclared() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/catalog.md"));
        assertTrue(doc.contains(LevelRules.markdownTable()), "docs/catalog.md is stale; paste:\n"
                + LevelRules.markdownTable());
    }

    @Test
    void onlyCountIgnoresItsSource() {
        for (Rule r : LevelRules.RULES) {
            assertEquals(r.kind() == Kind.COUNT, r.source() == null, r.toString());
        }
    }

    @Test
    void patientAttributesLiveOnlyAtThePatientLevel() {
        Set<String> phi = Set.of("PatientName", "PatientBirthDate", "PatientSex");
        for (Rule r : LevelRules.RULES) {
            if (phi.contains(r.column())) {
                assertEquals(Level.PATIENTS, r.level(), r.toString());
            }
        }
    }
}

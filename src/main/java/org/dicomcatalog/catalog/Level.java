package org.dicomcatalog.catalog;

import java.util.List;

/** A level of the DICOM information model that becomes a table, with the columns that identify a row. */
public enum Level {
    SERIES("series", List.of("SeriesInstanceUID")),
    STUDIES("studies", List.of("StudyInstanceUID")),
    // PatientID alone is not unique across issuing authorities (PS3.3 C.7.1.1): the issuer is part of the key
    PATIENTS("patients", List.of(Identity.ISSUER, "PatientID"));

    private final String table;
    private final List<String> keys;

    Level(String table, List<String> keys) {
        this.table = table;
        this.keys = keys;
    }

    public String table() {
        return table;
    }

    public List<String> keys() {
        return keys;
    }
}

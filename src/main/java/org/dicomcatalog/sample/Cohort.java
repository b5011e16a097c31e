package org.dicomcatalog.sample;

import java.util.ArrayList;
import java.util.List;

/** The cohort model the generator writes: patients, their studies, series and instances. Plain mutable holders. */
final class Cohort {
    static final String HOSP_A = "HOSP-A";
    static final String HOSP_B = "HOSP-B";

    final List<Patient> patients = new ArrayList<>();
    /** Studies without a patient module (emergency), written under EMERGENCY/. */
    final List<Study> emergencyStudies = new ArrayList<>();

    List<Study> allStudies() {
        List<Study> all = new ArrayList<>();
        patients.forEach(p -> all.addAll(p.studies));
        all.addAll(emergencyStudies);
        return all;
    }

    static final class Patient {
        String issuer; // null: no IssuerOfPatientID
        String id;
        String name;
        /** Specific Character Set value as written, e.g. "ISO_IR 100", "ISO_IR 192", "\\ISO 2022 IR 87". */
        String charset;
        String birthDate;
        String sex;
        final List<Study> studies = new ArrayList<>();
    }

    static final class Study {
        Patient patient; // null: emergency study, no patient module
        String uid;
        String date;
        String time;
        String accession;
        String description;
        String bodyPart;
        String studyId;
        String referringPhysician;
        String institution;
        /** A PatientBirthDate differing from the patient's: the planted patient-level conflict. */
        String birthDateOverride;
        String procedureCode;
        final List<Series> series = new ArrayList<>();
    }

    static final class Series {
        Study study;
        String uid;
        int number;
        String modality;
        String sopClass;
        boolean enhanced;
        String bodyPart;
        String description;
        String protocol;
        ModalityProfile.Device device;
        String transferSyntax;
        int instanceCount;
        int frames = 1;
        int rows;
        int cols;
        int bitsAllocated;
        int samples = 1;
        double sliceThickness;
        double pixelSpacing;
        String frameOfReference;
        String contrast;
        String laterality;
        /** Extra KB of Siemens CSA data: a big one makes headers of 50–150 KB. */
        int csaKb;
        /** File naming style: 0 IM000123, 1 IMG0001.dcm, 2 SOP UID .dcm. */
        int naming;
        final List<Instance> instances = new ArrayList<>();
    }

    static final class Instance {
        Series series;
        int number;
        String uid;
        String path;
        String transferSyntax;
        String kind = "instance";
        /** Non-null: this instance's SeriesDescription differs (the planted series-level conflict). */
        String seriesDescriptionOverride;
        String view;
        String imageLaterality;
        /** For truncated files: where to cut (fraction of the header). */
        double cutAt;

        String seriesDescription() {
            return seriesDescriptionOverride != null ? seriesDescriptionOverride : series.description;
        }
    }
}

package org.dicomcatalog.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;

/** Small DICOM archives for catalog tests. */
final class Archive {
    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int STUDY_DATE = 0x00080020;
    static final int ACCESSION_NUMBER = 0x00080050;
    static final int MODALITY = 0x00080060;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    static final int PATIENT_BIRTH_DATE = 0x00100030;
    static final int PATIENT_SEX = 0x00100040;
    static final int BODY_PART_EXAMINED = 0x00180015;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";

    private Archive() {
    }

    /** An instance with its three UIDs and a modality, nothing else. */
    static DicomWriter instance(String study, String series, String sop, String modality) {
        return DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(SOP_CLASS_UID, VR.UI, CT_IMAGE)
                .string(SOP_INSTANCE_UID, VR.UI, sop)
                .string(STUDY_INSTANCE_UID, VR.UI, study)
                .string(SERIES_INSTANCE_UID, VR.UI, series)
                .string(MODALITY, VR.CS, modality);
    }

    static DicomWriter patient(DicomWriter w, String id, String birthDate, String sex) {
        return w.string(PATIENT_ID, VR.LO, id)
                .string(PATIENT_NAME, VR.PN, "Doe^" + id)
                .string(PATIENT_BIRTH_DATE, VR.DA, birthDate)
                .string(PATIENT_SEX, VR.CS, sex);
    }

    static Path write(DicomWriter w, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return w.writeTo(file);
    }

    static Path write(byte[] bytes, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}

package org.dicomcatalog.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.dicomcatalog.sample.ModalityProfile.pick;

/** Which studies a patient has (1–4 over 2015–2026) and which series each study holds (1–5). */
final class StudyPlan {
    static final String[] KINDS = {"CT_CHEST", "CT_ABDOMEN", "CT_HEAD", "CT_PELVIS", "MR_HEAD", "MR_KNEE",
        "MR_ABDOMEN", "CR_CHEST", "DX_CHEST", "DX_KNEE", "MG_BREAST", "US_ABDOMEN", "PET_CT"};
    private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2026, 12, 31).toEpochDay() - FIRST.toEpochDay());
    private static final String[] INSTITUTIONS = {"Hospital A Main Campus", "Hospital B Imaging Center",
        "Regional Diagnostic Clinic"};
    private static final String[] PHYSICIANS = {"House^Gregory", "Grey^Meredith", "Quinn^Michaela", "Kildare^James",
        ""};

    private final SplittableRandom rng;
    private int accessionCounter;

    StudyPlan(SplittableRandom rng) {
        this.rng = rng;
    }

    String randomKind() {
        return KINDS[rng.nextInt(KINDS.length)];
    }

    /** 1–4 studies, the first of the given kind when not null, sorted by date. */
    void studiesFor(Cohort.Patient p, String firstKind, int minStudies) {
        int n = Math.max(minStudies, 1 + rng.nextInt(4));
        List<Cohort.Study> studies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            studies.add(study(p, i == 0 && firstKind != null ? firstKind : randomKind()));
        }
        studies.sort((a, b) -> (a.date + a.time).compareTo(b.date + b.time));
        p.studies.addAll(studies);
    }

    Cohort.Study study(Cohort.Patient p, String kind) {
        Cohort.Study st = new Cohort.Study();
        st.patient = p;
        st.uid = Uids.next(rng);
        st.date = FIRST.plusDays(rng.nextInt(DAYS + 1)).toString().replace("-", "");
        st.time = String.format(Locale.ROOT, "%02d%02d%02d", 7 + rng.nextInt(12), rng.nextInt(60), rng.nextInt(60));
        accessionCounter++;
        st.accession = (p == null ? "ER" : p.issuer == null ? "X" : p.issuer.substring(5))
                + String.format(Locale.ROOT, "%04d%04d", accessionCounter, rng.nextInt(10000));
        st.studyId = String.valueOf(1 + rng.nextInt(9999));
        st.institution = INSTITUTIONS[p == null || p.issuer == null ? 2 : p.issuer.equals(Cohort.HOSP_A) ? 0 : 1];
        st.referringPhysician = PHYSICIANS[rng.nextInt(PHYSICIANS.length)];
        String frame = Uids.next(rng);
        switch (kind) {
            case "CT_CHEST", "CT_ABDOMEN", "CT_HEAD", "CT_PELVIS" -> {
                st.bodyPart = kind.substring(3);
                st.description = "CT " + st.bodyPart + pick(rng, "", " W CONTRAST", " WO CONTRAST");
                st.procedureCode = "CT" + st.bodyPart.charAt(0) + "01";
                add(st, "CT", "Topogram 0.6 T80f", "Topogram", 1, 1, false, null);
                add(st, "CT", "Axial 5.0 mm", st.description, 8 + rng.nextInt(22), 1, false, frame);
                if (rng.nextBoolean()) {
                    add(st, "CT", "Axial 1.0 mm", st.description, 10 + rng.nextInt(21), 1, false, frame);
                }
                if (rng.nextInt(3) == 0) {
                    add(st, "CT", "Enhanced volume", st.description, 1, 8 + rng.nextInt(25), true, frame);
                }
                if (rng.nextInt(4) == 0) {
                    add(st, "SEG", "Lesion segmentation", null, 1, 2 + rng.nextInt(3), false, frame);
                }
                report(st);
            }
            case "MR_HEAD", "MR_KNEE", "MR_ABDOMEN" -> {
                st.bodyPart = kind.substring(3);
                st.description = "MR " + st.bodyPart + pick(rng, "", " W AND WO CONTRAST", " ROUTINE");
                st.procedureCode = "MR" + st.bodyPart.charAt(0) + "02";
                add(st, "MR", "localizer", "AAHead_Scout", 3, 1, false, frame);
                String[] seqs = {"t1_mprage_sag", "t2_tse_ax", "t2_flair_ax", "dwi_ep2d_tra", "pd_tse_fs_cor"};
                int k = 1 + rng.nextInt(3);
                for (int i = 0; i < k; i++) {
                    String seq = seqs[(i + rng.nextInt(seqs.length)) % seqs.length];
                    boolean enhanced = rng.nextInt(5) == 0;
                    add(st, "MR", seq, seq, enhanced ? 1 : 5 + rng.nextInt(20), enhanced ? 10 + rng.nextInt(30) : 1,
                            enhanced, frame);
                }
                report(st);
            }
            case "CR_CHEST", "DX_CHEST", "DX_KNEE" -> {
                String modality = kind.substring(0, 2);
                st.bodyPart = kind.substring(3);
                st.description = (modality.equals("CR") ? "XR " : "DX ") + st.bodyPart + " 2 VIEWS";
                st.procedureCode = "XR" + st.bodyPart.charAt(0) + "03";
                boolean chest = st.bodyPart.equals("CHEST");
                add(st, modality, chest ? "PA" : "AP", chest ? "Thorax PA" : "Knee AP", 1, 1,
                        false, null);
                if (rng.nextBoolean()) {
                    add(st, modality, "LAT", chest ? "Thorax LAT" : "Knee LAT", 1, 1, false, null);
                }
                if (!chest) {
                    st.series.forEach(s -> s.laterality = rng.nextBoolean() ? "L" : "R");
                }
            }
            case "MG_BREAST" -> {
                st.bodyPart = "BREAST";
                st.description = pick(rng, "MAMMO SCREENING BILATERAL", "MAMMO DIAGNOSTIC BILATERAL");
                st.procedureCode = "MG0004";
                add(st, "MG", "Screening views", "L CC, R CC, L MLO, R MLO", 4, 1, false, null);
                if (rng.nextInt(3) == 0) {
                    add(st, "MG", "Additional views", "Spot compression", 1 + rng.nextInt(2), 1, false, null);
                }
                report(st);
            }
            case "US_ABDOMEN" -> {
                st.bodyPart = "ABDOMEN";
                st.description = "US ABDOMEN COMPLETE";
                st.procedureCode = "US0005";
                add(st, "US", "Abdomen", "Abdomen general", 1 + rng.nextInt(6), 1, false, null);
                if (rng.nextBoolean()) {
                    add(st, "US", "Cine liver", "Abdomen general", 1, 8 + rng.nextInt(13), false, null);
                }
                report(st);
            }
            default -> { // PET_CT
                st.bodyPart = "WHOLEBODY";
                st.description = "PET CT WHOLE BODY FDG";
                st.procedureCode = "PT0006";
                add(st, "CT", "CT AC 3.75 mm", "PET CT WB", 10 + rng.nextInt(20), 1, false, frame);
                add(st, "PT", "PET WB AC", "PET CT WB", 10 + rng.nextInt(21), 1, false, frame);
                if (rng.nextBoolean()) {
                    add(st, "PT", "PET WB NAC", "PET CT WB", 10 + rng.nextInt(21), 1, false, frame);
                }
            }
        }
        while (st.series.size() > 5) {
            st.series.remove(st.series.size() - 2);
        }
        for (int i = 0; i < st.series.size(); i++) {
            Cohort.Series s = st.series.get(i);
            s.number = s.modality.equals("SR") ? 900 + i : s.modality.equals("SEG") ? 700 + i : i + 1;
        }
        return st;
    }

    private void report(Cohort.Study st) {
        if (rng.nextInt(3) == 0) {
            add(st, "SR", "Radiology report", null, 1, 1, false, null);
        }
    }

    Cohort.Series add(Cohort.Study st, String modality, String description, String protocol, int instances,
            int frames, boolean enhanced, String frameOfReference) {
        Cohort.Series s = new Cohort.Series();
        s.study = st;
        s.uid = Uids.next(rng);
        s.modality = modality;
        s.description = description;
        s.protocol = protocol;
        s.instanceCount = instances;
        s.frames = frames;
        s.enhanced = enhanced;
        s.frameOfReference = frameOfReference;
        s.bodyPart = modality.equals("SR") ? null : st.bodyPart;
        s.naming = rng.nextInt(3);
        ModalityProfile.shape(s, rng);
        st.series.add(s);
        return s;
    }
}

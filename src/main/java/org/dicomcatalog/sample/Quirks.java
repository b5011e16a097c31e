package org.dicomcatalog.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Plants what a catalog must cope with: identity conflicts, duplicate SOP instances, odd encodings and
 * broken files. Each count is max(1, N/10) (conflicts max(1, N/50)); every plant is recorded for the truth.
 */
final class Quirks {
    /** A planted conflict: at this level and key, this attribute has these values. */
    record Conflict(String level, String key, String attribute, List<String> values) {
    }

    final List<Conflict> conflicts = new ArrayList<>();
    /** Original instance, duplicate path. */
    final List<Cohort.Instance[]> duplicates = new ArrayList<>();
    private final SplittableRandom rng;
    private final Set<String> taken = new TreeSet<>();

    Quirks(SplittableRandom rng) {
        this.rng = rng;
    }

    static int scaled(int patients, int per) {
        return Math.max(1, patients / per);
    }

    /** Same issuer + PatientID, another PatientBirthDate in one study. */
    void patientConflict(Cohort.Patient p) {
        Cohort.Study st = p.studies.get(p.studies.size() - 1);
        String other = (Integer.parseInt(p.birthDate.substring(0, 4)) + 1) + p.birthDate.substring(4);
        if (other.endsWith("0229")) {
            other = other.substring(0, 4) + "0228";
        }
        st.birthDateOverride = other;
        conflicts.add(new Conflict("patient", (p.issuer == null ? "unknown" : p.issuer) + "/" + p.id,
                "PatientBirthDate", List.of(p.birthDate, other)));
    }

    /** One instance of a series carries another SeriesDescription. */
    void seriesConflicts(List<Cohort.Instance> all, int count) {
        List<Cohort.Series> candidates = new ArrayList<>();
        for (Cohort.Instance i : all) {
            Cohort.Series s = i.series;
            if (i.number == s.instanceCount && s.instanceCount >= 3 && !candidates.contains(s)) {
                candidates.add(s);
            }
        }
        for (int k = 0; k < count && !candidates.isEmpty(); k++) {
            Cohort.Series s = candidates.remove(rng.nextInt(candidates.size()));
            Cohort.Instance last = s.instances.get(s.instances.size() - 1);
            last.seriesDescriptionOverride = s.description + " (reprocessed)";
            taken.add(last.uid);
            conflicts.add(new Conflict("series", s.uid, "SeriesDescription",
                    List.of(s.description, last.seriesDescriptionOverride)));
        }
    }

    /** Picks an instance nobody else planted on, whose data set is native (not deflated, not encapsulated). */
    Cohort.Instance pickNative(List<Cohort.Instance> all) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Cohort.Instance i = all.get(rng.nextInt(all.size()));
            String ts = i.transferSyntax;
            if (!taken.contains(i.uid) && i.kind.equals("instance") && i.series.csaKb == 0
                    && (ts.equals(ModalityProfile.EXPLICIT_LE) || ts.equals(ModalityProfile.IMPLICIT_LE))) {
                taken.add(i.uid);
                return i;
            }
        }
        throw new IllegalStateException("no instance left to plant on");
    }

    void bigEndian(List<Cohort.Instance> all) {
        pickNative(all).transferSyntax = ModalityProfile.EXPLICIT_BE;
    }

    void bareDataSets(List<Cohort.Instance> all, int count) {
        for (int k = 0; k < count; k++) {
            Cohort.Instance i = pickNative(all);
            i.kind = "bare_dataset";
            i.transferSyntax = ModalityProfile.IMPLICIT_LE;
        }
    }

    /** Hidden names: a leading dot on the file name. */
    void hiddenNames(List<Cohort.Instance> all, int count) {
        for (int k = 0; k < count; k++) {
            Cohort.Instance i = pickNative(all);
            int slash = i.path.lastIndexOf('/');
            i.path = i.path.substring(0, slash + 1) + "." + i.path.substring(slash + 1);
        }
    }

    /** The same SOP instance again under _resent/ (a re-send from the modality): identical bytes. */
    void duplicates(List<Cohort.Instance> all, int count) {
        for (int k = 0; k < count; k++) {
            Cohort.Instance i = pickNative(all);
            Cohort.Instance copy = new Cohort.Instance();
            copy.series = i.series;
            copy.number = i.number;
            copy.uid = i.uid;
            copy.transferSyntax = i.transferSyntax;
            copy.view = i.view;
            copy.imageLaterality = i.imageLaterality;
            copy.kind = "duplicate";
            String first = i.path.substring(0, i.path.indexOf('/', i.path.indexOf('/') + 1));
            copy.path = first + "/_resent/" + i.series.study.date + "/" + i.uid + ".dcm";
            duplicates.add(new Cohort.Instance[] {i, copy});
        }
    }

    /** Extra instances of existing series, cut inside the header. */
    List<Cohort.Instance> truncated(List<Cohort.Instance> all, int count) {
        List<Cohort.Instance> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Cohort.Instance base = pickNative(all);
            Cohort.Instance t = new Cohort.Instance();
            t.series = base.series;
            t.number = base.series.instanceCount + 1 + k;
            t.uid = Uids.next(rng);
            t.transferSyntax = base.transferSyntax;
            t.view = base.view;
            t.imageLaterality = base.imageLaterality;
            t.kind = "truncated";
            t.cutAt = 0.4 + rng.nextDouble() * 0.55;
            int slash = base.path.lastIndexOf('/');
            t.path = base.path.substring(0, slash + 1) + "IM_PARTIAL" + (k + 1);
            out.add(t);
        }
        return out;
    }
}

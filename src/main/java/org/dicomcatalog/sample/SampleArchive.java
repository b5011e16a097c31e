package org.dicomcatalog.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadStatus;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.write.DicomWriter;

/**
 * Generates a deterministic sample archive under {@code <out>/archive} and its ground truth under
 * {@code <out>/ground-truth}. Everything comes from one {@link SplittableRandom} seeded with the seed and
 * consumed in a fixed order; no clock, no hash order.
 */
public final class SampleArchive {
    public static final String ARCHIVE = "archive";
    public static final String TRUTH = "ground-truth";

    /** How pixel data is written. */
    public enum Pixels {
        /** Real bytes of the declared size. */
        FULL,
        /** The header, then the file extended sparsely to the declared size. */
        SPARSE,
        /** No pixel data element at all. */
        NONE
    }

    /** What was generated. */
    public record Result(Path archive, Path truth, int files, long bytes, int instances, int studies, int patients,
            ObjectNode summary) {
    }

    private final int patientCount;
    private final long seed;
    private final Pixels pixels;
    private final SplittableRandom rng;
    private final byte[] pattern = new byte[1 << 16];
    private final Set<String> usedPaths = new TreeSet<>();
    private int imageCounter;

    public SampleArchive(int patients, long seed, Pixels pixels) {
        if (patients < 1) {
            throw new IllegalArgumentException("--patients must be at least 1");
        }
        this.patientCount = patients;
        this.seed = seed;
        this.pixels = pixels;
        this.rng = new SplittableRandom(seed);
        rng.nextBytes(pattern);
    }

    public Result generate(Path out) throws IOException {
        Path archive = out.resolve(ARCHIVE);
        if (Files.isDirectory(archive)) {
            try (Stream<Path> s = Files.list(archive)) {
                if (s.findAny().isPresent()) {
                    throw new java.nio.file.FileAlreadyExistsException(archive.toString(), null, "not empty");
                }
            }
        }
        Files.createDirectories(archive);
        Cohort cohort = new Cohort();
        Quirks quirks = new Quirks(rng.split());
        plan(cohort, quirks);
        List<Cohort.Instance> instances = instances(cohort);
        int n = patientCount;
        quirks.seriesConflicts(instances, Quirks.scaled(n, 50));
        quirks.bigEndian(instances);
        quirks.bareDataSets(instances, Quirks.scaled(n, 10));
        quirks.hiddenNames(instances, Quirks.scaled(n, 10));
        quirks.duplicates(instances, Quirks.scaled(n, 10));
        List<Cohort.Instance> truncated = quirks.truncated(instances, Quirks.scaled(n, 10));

        List<GroundTruth.FileRecord> records = new ArrayList<>();
        Map<String, byte[]> heads = new LinkedHashMap<>();
        Set<String> duplicated = new TreeSet<>();
        quirks.duplicates.forEach(d -> duplicated.add(d[0].path));
        for (Cohort.Instance i : instances) {
            byte[] head = header(i, rng.split());
            if (duplicated.contains(i.path)) {
                heads.put(i.path, head);
            }
            records.add(write(archive, i, head));
        }
        for (Cohort.Instance[] d : quirks.duplicates) {
            records.add(write(archive, d[1], heads.get(d[0].path)));
        }
        for (Cohort.Instance t : truncated) {
            records.add(writeTruncated(archive, t, header(t, rng.split())));
        }
        records.addAll(nonDicom(archive, instances));

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("patients", patientCount);
        params.put("seed", seed);
        params.put("pixels", pixels.name().toLowerCase(Locale.ROOT));
        Path truth = out.resolve(TRUTH);
        ObjectNode summary = GroundTruth.write(truth, records, quirks.conflicts, params);
        return new Result(archive, truth, summary.get("files").asInt(), summary.get("bytes").asLong(),
                summary.get("instances").asInt(), summary.get("studies").asInt(), summary.get("patients").asInt(),
                summary);
    }

    /** Patients and studies, with the identity cases planted on the first few patients. */
    private void plan(Cohort cohort, Quirks quirks) {
        PatientGenerator people = new PatientGenerator(rng.split());
        StudyPlan plan = new StudyPlan(rng.split());
        for (int k = 0; k < patientCount; k++) {
            Cohort.Patient p = people.next();
            String firstKind = switch (k) {
                case 0 -> "MR_HEAD";
                case 1 -> "CR_CHEST";
                case 2 -> "CT_CHEST";
                default -> null;
            };
            if (k == 1) {
                p.issuer = Cohort.HOSP_A;
            } else if (k == 2) { // same PatientID as patient 1, another issuer, another person
                Cohort.Patient first = cohort.patients.get(1);
                p.issuer = Cohort.HOSP_B;
                p.id = first.id;
                if (p.name.equals(first.name)) {
                    p.name = "Other^" + p.name;
                }
                if (p.birthDate.equals(first.birthDate)) {
                    p.birthDate = (Integer.parseInt(p.birthDate.substring(0, 4)) - 3) + p.birthDate.substring(4, 6)
                            + "15";
                }
            } else if (k == 4) {
                people.japanese(p);
            }
            plan.studiesFor(p, firstKind, k == 3 ? 2 : 1);
            cohort.patients.add(p);
        }
        Cohort.Patient p0 = cohort.patients.get(0);
        Cohort.Study mr = p0.studies.stream().filter(s -> s.series.get(0).modality.equals("MR")).findFirst()
                .orElseThrow();
        Cohort.Series big = mr.series.get(1);
        big.device = ModalityProfile.siemensMr();
        big.csaKb = 60 + rng.nextInt(90);
        big.transferSyntax = ModalityProfile.EXPLICIT_LE;
        Cohort.Series sr = mr.series.stream().filter(s -> s.modality.equals("SR")).findFirst().orElse(null);
        if (sr == null) {
            if (mr.series.size() == 5) {
                mr.series.remove(3);
            }
            sr = plan.add(mr, "SR", "Radiology report", null, 1, 1, false, null);
            sr.number = 990;
        }
        sr.transferSyntax = ModalityProfile.DEFLATED;
        if (patientCount > 1) {
            Cohort.Study cr = cohort.patients.get(1).studies.stream()
                    .filter(s -> s.series.get(0).modality.equals("CR")).findFirst().orElseThrow();
            ModalityProfile.jpeg(cr.series.get(0));
        }
        if (patientCount > 3) {
            quirks.patientConflict(cohort.patients.get(3));
        }
        for (int k = 0; k < Quirks.scaled(patientCount, 10); k++) {
            cohort.emergencyStudies.add(plan.study(null, ModalityProfile.pick(rng, "CT_HEAD", "CR_CHEST",
                    "CT_CHEST")));
        }
    }

    private List<Cohort.Instance> instances(Cohort cohort) {
        List<Cohort.Instance> all = new ArrayList<>();
        for (Cohort.Study st : cohort.allStudies()) {
            String studyDir = studyDir(st);
            for (Cohort.Series s : st.series) {
                for (int k = 1; k <= s.instanceCount; k++) {
                    Cohort.Instance i = new Cohort.Instance();
                    i.series = s;
                    i.number = k;
                    i.uid = Uids.next(rng);
                    i.transferSyntax = s.transferSyntax;
                    if (s.modality.equals("MG")) {
                        i.imageLaterality = (k & 1) == 1 ? "L" : "R";
                        i.view = k <= 2 ? "CC" : "MLO";
                    } else if (s.modality.equals("CR") || s.modality.equals("DX")) {
                        i.view = s.description;
                    }
                    imageCounter++;
                    String name = switch (s.naming) {
                        case 0 -> String.format(Locale.ROOT, "IM%06d", imageCounter);
                        case 1 -> String.format(Locale.ROOT, "IMG%04d.dcm", k);
                        default -> i.uid + ".dcm";
                    };
                    i.path = unique(studyDir + "/" + s.number + "/" + name);
                    s.instances.add(i);
                    all.add(i);
                }
            }
        }
        return all;
    }

    private static String studyDir(Cohort.Study st) {
        Cohort.Patient p = st.patient;
        if (p == null) {
            return "EMERGENCY/" + st.accession + "/" + st.date;
        }
        String issuer = p.issuer == null ? "NO-ISSUER" : p.issuer;
        return issuer + "/" + hash(issuer + "|" + p.id) + "/" + st.date;
    }

    private String unique(String path) {
        String p = path;
        for (int k = 2; !usedPaths.add(p); k++) {
            p = path + "_" + k;
        }
        return p;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything before the pixel data, in the instance's encoding. */
    private static byte[] header(Cohort.Instance i, SplittableRandom rng) {
        DicomWriter w = DicomWriter.create(i.transferSyntax).sorted();
        if (i.kind.equals("bare_dataset")) {
            w.preamble(false).fileMeta(false);
        }
        ModalityProfile.header(w, i, rng);
        return w.toBytes();
    }

    private GroundTruth.FileRecord write(Path archive, Cohort.Instance i, byte[] head) throws IOException {
        Path file = archive.resolve(i.path);
        Files.createDirectories(file.getParent());
        Cohort.Series s = i.series;
        long pixelLength = ModalityProfile.pixelLength(s);
        TransferSyntax ts = TransferSyntax.of(i.transferSyntax);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            f.write(head);
            if (pixels != Pixels.NONE && pixelLength > 0 && !ts.deflated()) {
                if (ts.encapsulated()) {
                    writeEncapsulated(f, s, pixelLength);
                } else {
                    writeNative(f, ts, s.bitsAllocated <= 8 ? "OB" : "OW", pixelLength);
                }
            }
        }
        GroundTruth.FileRecord r = record(i, archive, "OK", null);
        r.headerSize = head.length;
        r.pixelDataLength = pixels == Pixels.NONE || pixelLength == 0 ? null : pixelLength;
        return r;
    }

    private void writeNative(RandomAccessFile f, TransferSyntax ts, String vr, long length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12).order(ts.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7FE0).putShort((short) 0x0010);
        if (ts.explicitVR()) {
            b.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0);
        }
        b.putInt((int) length);
        f.write(b.array(), 0, b.position());
        payload(f, length);
    }

    /** JPEG baseline: empty offset table, one fragment per frame of about a tenth of the raw size. */
    private void writeEncapsulated(RandomAccessFile f, Cohort.Series s, long rawLength) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7FE0).putShort((short) 0x0010).put("OB".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 0).putInt(-1);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(0);
        f.write(b.array());
        long fragment = Math.max(2, rawLength / s.frames / 10) & ~1L;
        for (int k = 0; k < s.frames; k++) {
            ByteBuffer item = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            item.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt((int) fragment);
            f.write(item.array());
            payload(f, fragment);
        }
        ByteBuffer end = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        end.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        f.write(end.array());
    }

    /** Pattern bytes (full) or a hole (sparse): either way the file gets {@code length} more bytes. */
    private void payload(RandomAccessFile f, long length) throws IOException {
        if (pixels == Pixels.SPARSE) {
            long end = f.getFilePointer() + length;
            f.setLength(end);
            f.seek(end);
            return;
        }
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(left, pattern.length);
            f.write(pattern, 0, n);
            left -= n;
        }
    }

    private GroundTruth.FileRecord writeTruncated(Path archive, Cohort.Instance t, byte[] head) throws IOException {
        // the reader's own verdict is the truth for a cut file: TRUNCATED or LENGTH_EXCEEDS_FILE; a cut that
        // happens to fall between two top-level elements reads as a short but complete header, so move it
        int at = (int) (head.length * t.cutAt);
        byte[] cut = java.util.Arrays.copyOf(head, at);
        DicomHeader h = DicomReader.read(cut);
        while (h.status() != ReadStatus.PARTIAL && at > 400) {
            cut = java.util.Arrays.copyOf(head, --at);
            h = DicomReader.read(cut);
        }
        Path file = archive.resolve(t.path);
        Files.createDirectories(file.getParent());
        Files.write(file, cut);
        GroundTruth.FileRecord r = record(t, archive, h.status().name(),
                h.error() == null ? null : h.error().code().name());
        r.headerSize = head.length;
        return r;
    }

    private GroundTruth.FileRecord record(Cohort.Instance i, Path archive, String status, String code)
            throws IOException {
        Cohort.Series s = i.series;
        Cohort.Study st = s.study;
        Cohort.Patient p = st.patient;
        GroundTruth.FileRecord r = new GroundTruth.FileRecord();
        r.path = i.path;
        r.size = Files.size(archive.resolve(i.path));
        r.kind = i.kind;
        r.status = status;
        r.errorCode = code;
        r.hasPatientModule = p != null;
        if (p != null) {
            r.issuer = p.issuer;
            r.patientId = p.id;
            r.patientName = p.name;
            r.patientBirthDate = st.birthDateOverride != null ? st.birthDateOverride : p.birthDate;
        }
        r.studyInstanceUid = st.uid;
        r.seriesInstanceUid = s.uid;
        r.sopInstanceUid = i.uid;
        r.sopClassUid = s.sopClass;
        r.modality = s.modality;
        r.bodyPart = s.bodyPart;
        r.studyDate = st.date;
        r.accessionNumber = st.accession;
        r.seriesDescription = i.seriesDescription();
        r.numberOfFrames = s.rows > 0 && (s.enhanced || s.frames > 1 || s.modality.equals("SEG")) ? s.frames : null;
        r.transferSyntax = i.transferSyntax;
        return r;
    }

    /** README.txt, .DS_Store files, JPEG thumbnails, empty files: NOT_DICOM by the reader's definition. */
    private List<GroundTruth.FileRecord> nonDicom(Path archive, List<Cohort.Instance> instances) throws IOException {
        List<GroundTruth.FileRecord> out = new ArrayList<>();
        out.add(other(archive, "README.txt", "not_dicom", ("Sample DICOM archive generated by dicom-catalog sample"
                + " (seed " + seed + ", " + patientCount + " patients). Ground truth: ../" + TRUTH + "/\n")
                .getBytes(StandardCharsets.UTF_8)));
        int count = Quirks.scaled(patientCount, 10);
        for (int k = 0; k < count; k++) {
            String dir = dirOf(instances.get(rng.nextInt(instances.size())).path);
            byte[] ds = new byte[6148];
            byte[] magic = {0, 0, 0, 1, 'B', 'u', 'd', '1'};
            System.arraycopy(magic, 0, ds, 0, magic.length);
            out.add(other(archive, unique(dirOf(dir) + "/.DS_Store"), "not_dicom", ds));
            byte[] jpeg = new byte[2048 + rng.nextInt(4096)];
            rng.nextBytes(jpeg);
            byte[] soi = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
            System.arraycopy(soi, 0, jpeg, 0, soi.length);
            jpeg[jpeg.length - 2] = (byte) 0xFF;
            jpeg[jpeg.length - 1] = (byte) 0xD9;
            String thumbDir = instances.get(rng.nextInt(instances.size())).path;
            out.add(other(archive, unique(dirOf(thumbDir) + "/thumbnail.jpg"), "not_dicom", jpeg));
            String emptyDir = instances.get(rng.nextInt(instances.size())).path;
            out.add(other(archive, unique(dirOf(emptyDir) + (k % 2 == 0 ? "/IM_EMPTY" : "/_empty.dcm")), "empty",
                    new byte[0]));
        }
        return out;
    }

    private static String dirOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static GroundTruth.FileRecord other(Path archive, String path, String kind, byte[] bytes)
            throws IOException {
        Path file = archive.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        GroundTruth.FileRecord r = new GroundTruth.FileRecord();
        r.path = path;
        r.size = bytes.length;
        r.kind = kind;
        r.status = "NOT_DICOM";
        r.errorCode = "NOT_DICOM";
        return r;
    }
}

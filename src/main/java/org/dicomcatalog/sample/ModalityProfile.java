package org.dicomcatalog.sample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;

/** Per-modality header content: SOP classes, devices, geometry, and the elements of one instance's header. */
final class ModalityProfile {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String ENHANCED_MR = "1.2.840.10008.5.1.4.1.1.4.1";
    static final String CR = "1.2.840.10008.5.1.4.1.1.1";
    static final String DX = "1.2.840.10008.5.1.4.1.1.1.1";
    static final String US = "1.2.840.10008.5.1.4.1.1.6.1";
    static final String US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1";
    static final String MG = "1.2.840.10008.5.1.4.1.1.1.2";
    static final String PET = "1.2.840.10008.5.1.4.1.1.128";
    static final String BASIC_SR = "1.2.840.10008.5.1.4.1.1.88.11";
    static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String SEG = "1.2.840.10008.5.1.4.1.1.66.4";

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    record Device(String manufacturer, String model, String software) {
    }

    private static final Device[] CT_DEVICES = {
        new Device("GE MEDICAL SYSTEMS", "Revolution CT", "revo_ct_22.1"),
        new Device("GE MEDICAL SYSTEMS", "LightSpeed VCT", "07MW18.4"),
        new Device("SIEMENS", "SOMATOM Force", "syngo CT VB20A"),
        new Device("SIEMENS", "SOMATOM Definition AS", "syngo CT VA48A"),
        new Device("Philips", "IQon - Spectral CT", "4.7.5"),
        new Device("CANON_MEC", "Aquilion ONE", "V10.6SP0001"),
        new Device("TOSHIBA", "Aquilion", "V4.86ER010"),
    };
    private static final Device[] MR_DEVICES = {
        new Device("GE MEDICAL SYSTEMS", "SIGNA Premier", "29\\LX\\MR Software release:RX29.1"),
        new Device("GE MEDICAL SYSTEMS", "DISCOVERY MR750", "DV26.0_R03"),
        new Device("SIEMENS", "MAGNETOM Vida", "syngo MR XA31"),
        new Device("SIEMENS", "Skyra", "syngo MR E11"),
        new Device("Philips Medical Systems", "Ingenia", "5.7.1\\5.7.1.2"),
        new Device("Philips Medical Systems", "Achieva", "3.2.3\\3.2.3.1"),
        new Device("CANON_MEC", "Vantage Orian", "V6.0"),
    };
    private static final Device[] XR_DEVICES = {
        new Device("FUJIFILM Corporation", "FCR PROFECT CS", "A08"),
        new Device("FUJIFILM Corporation", "FDR D-EVO II", "V7.2"),
        new Device("Philips Medical Systems", "DigitalDiagnost", "4.3.1"),
        new Device("SIEMENS", "Ysio Max", "VF85"),
        new Device("GE Healthcare", "Definium 8000", "dm_Platform_release_8.6"),
        new Device("CANON_MEC", "CXDI-710C", "2.10"),
    };
    private static final Device[] MG_DEVICES = {
        new Device("HOLOGIC, Inc.", "Selenia Dimensions", "1.10.2.9"),
        new Device("HOLOGIC, Inc.", "3Dimensions", "2.1.0.6"),
        new Device("GE Healthcare", "Senographe Pristina", "ADS_64.10"),
        new Device("FUJIFILM Corporation", "AMULET Innovality", "V5.1"),
        new Device("SIEMENS", "MAMMOMAT Revelation", "VC10B"),
    };
    private static final Device[] US_DEVICES = {
        new Device("GE Healthcare", "LOGIQ E10", "R3.1.1"),
        new Device("Philips Medical Systems", "EPIQ 7G", "7.0.5.220"),
        new Device("TOSHIBA_MEC_US", "Aplio 500", "V6.0"),
        new Device("SIEMENS", "ACUSON Sequoia", "VB10B"),
    };
    private static final Device[] PT_DEVICES = {
        new Device("GE MEDICAL SYSTEMS", "Discovery MI", "pet_coreload.48"),
        new Device("SIEMENS", "Biograph Vision 600", "VG80A"),
        new Device("Philips", "Vereos PET/CT", "2.0.1"),
    };
    private static final Device[] REPORT_DEVICES = {
        new Device("Nuance", "PowerScribe 360", "4.0.1"),
        new Device("QIICR", "dcmqi", "1.2.5"),
    };

    private ModalityProfile() {
    }

    static Device device(String modality, SplittableRandom rng) {
        Device[] list = switch (modality) {
            case "CT" -> CT_DEVICES;
            case "MR" -> MR_DEVICES;
            case "CR", "DX" -> XR_DEVICES;
            case "MG" -> MG_DEVICES;
            case "US" -> US_DEVICES;
            case "PT" -> PT_DEVICES;
            default -> REPORT_DEVICES;
        };
        return list[rng.nextInt(list.length)];
    }

    static Device siemensMr() {
        return MR_DEVICES[2];
    }

    /** Fills SOP class, matrix, bit depth, geometry and transfer syntax of a new series. */
    static void shape(Cohort.Series s, SplittableRandom rng) {
        s.device = s.device != null ? s.device : device(s.modality, rng);
        s.bitsAllocated = 16;
        double roll = rng.nextDouble();
        s.transferSyntax = roll < 0.75 ? EXPLICIT_LE : IMPLICIT_LE;
        switch (s.modality) {
            case "CT" -> {
                s.sopClass = s.enhanced ? ENHANCED_CT : CT;
                s.rows = s.cols = 512;
                s.sliceThickness = pick(rng, 0.5, 0.625, 1.0, 1.25, 2.0, 2.5, 3.0, 5.0);
                s.pixelSpacing = 0.5 + rng.nextInt(400) / 1000.0;
                s.contrast = rng.nextInt(3) == 0 ? pick(rng, "Omnipaque 350", "Visipaque 320", "Iomeron 400") : null;
            }
            case "MR" -> {
                s.sopClass = s.enhanced ? ENHANCED_MR : MR;
                s.rows = s.cols = pickInt(rng, 256, 384, 512);
                s.sliceThickness = pick(rng, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0);
                s.pixelSpacing = 220.0 / s.rows;
                s.contrast = rng.nextInt(4) == 0 ? pick(rng, "Gadovist", "Dotarem", "MultiHance") : null;
            }
            case "CR", "DX" -> {
                s.sopClass = s.modality.equals("CR") ? CR : DX;
                s.rows = 2048 + 2 * rng.nextInt(477);
                s.cols = 2048 + 2 * rng.nextInt(477);
                s.pixelSpacing = pick(rng, 0.1, 0.139, 0.143, 0.15);
                if (rng.nextInt(10) == 0) {
                    jpeg(s);
                }
            }
            case "MG" -> {
                s.sopClass = MG;
                s.rows = 4096;
                s.cols = 3328;
                s.pixelSpacing = 0.065;
            }
            case "US" -> {
                s.sopClass = s.frames > 1 ? US_MULTIFRAME : US;
                s.rows = 600;
                s.cols = 800;
                s.bitsAllocated = 8;
                s.samples = 3;
                s.pixelSpacing = 0.2;
                if (rng.nextInt(6) == 0) {
                    jpeg(s);
                }
            }
            case "PT" -> {
                s.sopClass = PET;
                s.rows = s.cols = 128;
                s.sliceThickness = pick(rng, 2.0, 3.27, 4.0);
                s.pixelSpacing = 4.0;
            }
            case "SEG" -> {
                s.sopClass = SEG;
                s.rows = s.cols = 512;
                s.bitsAllocated = 1;
            }
            default -> { // SR
                s.sopClass = rng.nextBoolean() ? BASIC_SR : COMPREHENSIVE_SR;
                s.rows = 0;
                s.bitsAllocated = 0;
                if (rng.nextInt(3) == 0) {
                    s.transferSyntax = DEFLATED;
                }
            }
        }
    }

    static void jpeg(Cohort.Series s) {
        s.transferSyntax = JPEG_BASELINE;
        s.bitsAllocated = 8;
    }

    /** Declared native pixel data length; 0 when the object has no pixel data. */
    static long pixelLength(Cohort.Series s) {
        if (s.rows == 0) {
            return 0;
        }
        long bits = (long) s.rows * s.cols * s.frames * s.samples * s.bitsAllocated;
        long bytes = (bits + 7) / 8;
        return bytes + (bytes & 1);
    }

    /** Writes the header of one instance: every module but the pixel data. */
    static void header(DicomWriter w, Cohort.Instance inst, SplittableRandom rng) {
        Cohort.Series s = inst.series;
        Cohort.Study st = s.study;
        Cohort.Patient p = st.patient;
        String charset = p != null ? p.charset : "ISO_IR 100";
        w.charset(charset.equals("ISO_IR 192") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        w.string(0x00080005, VR.CS, charset.split("\\\\", -1));
        boolean image = s.rows > 0;
        if (image && !s.modality.equals("SEG")) {
            w.string(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", s.modality.equals("CT") || s.modality.equals("MR")
                    || s.modality.equals("PT") ? "AXIAL" : "");
        } else if (s.modality.equals("SEG")) {
            w.string(0x00080008, VR.CS, "DERIVED", "PRIMARY");
        }
        w.string(0x00080012, VR.DA, st.date).string(0x00080013, VR.TM, later(st.time, 40 + s.number));
        w.string(0x00080016, VR.UI, s.sopClass).string(0x00080018, VR.UI, inst.uid);
        w.string(0x00080020, VR.DA, st.date).string(0x00080021, VR.DA, st.date).string(0x00080023, VR.DA, st.date);
        w.string(0x00080030, VR.TM, st.time).string(0x00080031, VR.TM, later(st.time, 3 * s.number))
                .string(0x00080033, VR.TM, later(st.time, 3 * s.number + inst.number / 20));
        w.string(0x00080050, VR.SH, st.accession);
        w.string(0x00080060, VR.CS, s.modality);
        w.string(0x00080070, VR.LO, s.device.manufacturer());
        w.string(0x00080080, VR.LO, st.institution);
        w.string(0x00080090, VR.PN, st.referringPhysician);
        w.string(0x00081010, VR.SH, "STN" + (Math.abs(s.device.model().hashCode()) % 900 + 100));
        w.string(0x00081030, VR.LO, st.description);
        w.sequence(0x00081032, false, q -> q.item(false, i -> i.string(0x00080100, VR.SH, st.procedureCode)
                .string(0x00080102, VR.SH, "L").string(0x00080104, VR.LO, st.description)));
        w.string(0x0008103E, VR.LO, inst.seriesDescription());
        w.string(0x00081090, VR.LO, s.device.model());
        String ppsUid = Uids.next(rng);
        w.sequence(0x00081111, rng.nextBoolean(), q -> q.item(false, i -> i
                .string(0x00081150, VR.UI, "1.2.840.10008.3.1.2.3.3").string(0x00081155, VR.UI, ppsUid)));
        if (p != null) {
            patientName(w, p);
            w.string(0x00100020, VR.LO, p.id);
            if (p.issuer != null) {
                w.string(0x00100021, VR.LO, p.issuer);
            }
            w.string(0x00100030, VR.DA, st.birthDateOverride != null ? st.birthDateOverride : p.birthDate);
            w.string(0x00100040, VR.CS, p.sex);
            int age = Integer.parseInt(st.date.substring(0, 4)) - Integer.parseInt(p.birthDate.substring(0, 4));
            w.string(0x00101010, VR.AS, String.format(java.util.Locale.ROOT, "%03dY", Math.max(0, age)));
        }
        if (s.contrast != null) {
            w.string(0x00180010, VR.LO, s.contrast);
        }
        if (s.bodyPart != null) {
            w.string(0x00180015, VR.CS, s.bodyPart);
        }
        if (s.sliceThickness > 0) {
            w.string(0x00180050, VR.DS, ds(s.sliceThickness));
        }
        switch (s.modality) {
            case "CT" -> w.string(0x00180060, VR.DS, pick(rng, "80", "100", "120", "140"))
                    .string(0x00181151, VR.IS, String.valueOf(100 + rng.nextInt(400)));
            case "CR", "DX", "MG" -> w.string(0x00180060, VR.DS, s.modality.equals("MG")
                    ? String.valueOf(26 + rng.nextInt(8)) : String.valueOf(60 + rng.nextInt(65)));
            case "MR" -> w.string(0x00180087, VR.DS, s.device.model().contains("Vida")
                    || s.device.model().contains("Premier") || s.device.model().contains("Ingenia") ? "3" : "1.5")
                    .string(0x00180080, VR.DS, String.valueOf(400 + rng.nextInt(5000)))
                    .string(0x00180081, VR.DS, String.valueOf(10 + rng.nextInt(100)));
            default -> { }
        }
        w.string(0x00181020, VR.LO, s.device.software().split("\\\\"));
        if (s.protocol != null) {
            w.string(0x00181030, VR.LO, s.protocol);
        }
        if (s.modality.equals("CT") || s.modality.equals("MR") || s.modality.equals("PT")) {
            w.string(0x00185100, VR.CS, "HFS");
        }
        if (inst.view != null) {
            w.string(0x00185101, VR.CS, inst.view);
        }
        w.string(0x0020000D, VR.UI, st.uid).string(0x0020000E, VR.UI, s.uid);
        w.string(0x00200010, VR.SH, st.studyId);
        w.string(0x00200011, VR.IS, String.valueOf(s.number)).string(0x00200013, VR.IS, String.valueOf(inst.number));
        boolean volume = s.modality.equals("CT") || s.modality.equals("MR") || s.modality.equals("PT");
        if (volume && !s.enhanced) {
            double z = -100.0 + inst.number * s.sliceThickness;
            double half = s.pixelSpacing * s.rows / 2;
            w.string(0x00200032, VR.DS, ds(-half), ds(-half), ds(z));
            w.string(0x00200037, VR.DS, "1", "0", "0", "0", "1", "0");
        }
        if (s.frameOfReference != null) {
            w.string(0x00200052, VR.UI, s.frameOfReference).string(0x00201040, VR.LO, "");
        }
        if (s.laterality != null) {
            w.string(0x00200060, VR.CS, s.laterality);
        }
        if (inst.imageLaterality != null) {
            w.string(0x00200062, VR.CS, inst.imageLaterality);
        }
        if (image) {
            pixelModule(w, s, rng);
        }
        if (s.enhanced) {
            functionalGroups(w, s);
        }
        if (s.modality.equals("PT")) {
            w.string(0x00541001, VR.CS, "BQML").string(0x00541002, VR.CS, "EMISSION");
            w.sequence(0x00540016, false, q -> q.item(false, i -> i
                    .string(0x00180031, VR.LO, "Fluorodeoxyglucose")
                    .string(0x00181074, VR.DS, String.valueOf(200_000_000 + rng.nextInt(200_000_000)))
                    .string(0x00181075, VR.DS, "6586.2")));
        }
        if (s.modality.equals("SR")) {
            structuredReport(w, st, rng);
        }
        if (s.modality.equals("SEG")) {
            w.string(0x00620001, VR.CS, "BINARY");
            w.sequence(0x00620002, false, q -> {
                for (int n = 1; n <= Math.min(3, s.frames); n++) {
                    int seg = n;
                    q.item(false, i -> i.us(0x00620004, seg).string(0x00620005, VR.LO, "Segment " + seg)
                            .string(0x00620008, VR.CS, "SEMIAUTOMATIC"));
                }
            });
            w.sequence(0x00081115, false, q -> q.item(false, i -> i.string(0x0020000E, VR.UI, st.series.get(0).uid)));
        }
        w.string(0x00321060, VR.LO, st.description);
        w.sequence(0x00400275, true, q -> q.item(true, i -> i
                .string(0x00321060, VR.LO, st.description)
                .string(0x00400009, VR.SH, "SPS" + st.accession)
                .string(0x00401001, VR.SH, "RP" + st.accession)));
        w.string(0x00400244, VR.DA, st.date).string(0x00400245, VR.TM, st.time);
        VendorBlocks.add(w, s, rng);
    }

    private static void pixelModule(DicomWriter w, Cohort.Series s, SplittableRandom rng) {
        w.us(0x00280002, s.samples);
        w.string(0x00280004, VR.CS, s.samples == 3 ? (s.transferSyntax.equals(JPEG_BASELINE) ? "YBR_FULL_422" : "RGB")
                : s.modality.equals("CR") || s.modality.equals("DX") || s.modality.equals("MG") ? "MONOCHROME1"
                : "MONOCHROME2");
        if (s.samples == 3) {
            w.us(0x00280006, 0);
        }
        if (s.enhanced || s.frames > 1 || s.modality.equals("SEG")) {
            w.string(0x00280008, VR.IS, String.valueOf(s.frames));
        }
        w.us(0x00280010, s.rows).us(0x00280011, s.cols);
        if (s.pixelSpacing > 0 && !s.enhanced) {
            w.string(0x00280030, VR.DS, ds(s.pixelSpacing), ds(s.pixelSpacing));
        }
        int stored = s.bitsAllocated == 16 ? (s.modality.equals("CT") ? 12 : s.modality.equals("MG") ? 14 : 12)
                : s.bitsAllocated;
        w.us(0x00280100, s.bitsAllocated).us(0x00280101, stored).us(0x00280102, stored - 1)
                .us(0x00280103, s.modality.equals("CT") ? 1 : 0);
        if (s.modality.equals("CT")) {
            w.string(0x00281050, VR.DS, pick(rng, "40", "50", "-600", "400"))
                    .string(0x00281051, VR.DS, pick(rng, "400", "350", "1500", "2000"))
                    .string(0x00281052, VR.DS, "-1024").string(0x00281053, VR.DS, "1");
        } else if (s.bitsAllocated == 16) {
            w.string(0x00281050, VR.DS, "2047").string(0x00281051, VR.DS, "4095");
        }
    }

    /** Enhanced CT/MR: shared and per-frame functional groups, one item per frame. */
    private static void functionalGroups(DicomWriter w, Cohort.Series s) {
        w.sequence(0x52009229, false, q -> q.item(false, i -> i
                .sequence(0x00289110, false, m -> m.item(false, x -> x
                        .string(0x00180050, VR.DS, ds(s.sliceThickness))
                        .string(0x00280030, VR.DS, ds(s.pixelSpacing), ds(s.pixelSpacing))))
                .sequence(0x00209116, false, o -> o.item(false, x -> x
                        .string(0x00200037, VR.DS, "1", "0", "0", "0", "1", "0")))));
        w.sequence(0x52009230, true, q -> {
            for (int f = 1; f <= s.frames; f++) {
                int frame = f;
                q.item(true, i -> i
                        .sequence(0x00209111, false, c -> c.item(false, x -> x.ul(0x00209157, 1, frame)))
                        .sequence(0x00209113, false, c -> c.item(false, x -> x.string(0x00200032, VR.DS,
                                "-110", "-110", ds(-100 + frame * s.sliceThickness)))));
            }
        });
    }

    private static void structuredReport(DicomWriter w, Cohort.Study st, SplittableRandom rng) {
        w.string(0x0040A040, VR.CS, "CONTAINER");
        w.sequence(0x0040A043, false, q -> q.item(false, i -> i.string(0x00080100, VR.SH, "18748-4")
                .string(0x00080102, VR.SH, "LN").string(0x00080104, VR.LO, "Diagnostic imaging report")));
        w.string(0x0040A050, VR.CS, "SEPARATE").string(0x0040A491, VR.CS, "COMPLETE")
                .string(0x0040A493, VR.CS, "VERIFIED");
        String[] findings = {"No acute abnormality.", "Stable appearance compared with prior.",
            "Small nodule, follow-up recommended in 6 months.", "Mild degenerative changes.",
            "Findings consistent with the clinical history."};
        w.sequence(0x0040A730, true, q -> {
            int n = 2 + rng.nextInt(4);
            for (int k = 0; k < n; k++) {
                String text = st.description + ": " + findings[rng.nextInt(findings.length)];
                q.item(true, i -> i.string(0x0040A010, VR.CS, "CONTAINS").string(0x0040A040, VR.CS, "TEXT")
                        .sequence(0x0040A043, false, c -> c.item(false, x -> x.string(0x00080100, VR.SH, "121071")
                                .string(0x00080102, VR.SH, "DCM").string(0x00080104, VR.LO, "Finding")))
                        .string(0x0040A160, VR.UT, text));
            }
        });
    }

    /** PatientName in the patient's character set; ISO 2022 IR 87 needs escape sequences per component group. */
    private static void patientName(DicomWriter w, Cohort.Patient p) {
        Charset cs = switch (p.charset) {
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            case "\\ISO 2022 IR 87" -> Charset.forName("ISO-2022-JP");
            default -> StandardCharsets.ISO_8859_1;
        };
        byte[] b = p.name.getBytes(cs);
        if ((b.length & 1) == 1) {
            b = java.util.Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = ' ';
        }
        w.bytes(0x00100010, VR.PN, b);
    }

    static String later(String time, int minutes) {
        int h = Integer.parseInt(time.substring(0, 2));
        int m = Integer.parseInt(time.substring(2, 4)) + minutes;
        h = Math.min(23, h + m / 60);
        return String.format(java.util.Locale.ROOT, "%02d%02d%s", h, m % 60, time.substring(4));
    }

    static String ds(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom rng, T... values) {
        return values[rng.nextInt(values.length)];
    }

    static int pickInt(SplittableRandom rng, int... values) {
        return values[rng.nextInt(values.length)];
    }
}

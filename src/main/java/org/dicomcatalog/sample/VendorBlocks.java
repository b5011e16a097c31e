package org.dicomcatalog.sample;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;

/**
 * Private blocks as the big vendors write them: Siemens CSA headers (OB blobs of a few KB, 50–150 KB on
 * some MR), GE GEMS_* groups, Philips MR Imaging DD 001. Contents are plausible bytes, not real protocols.
 */
final class VendorBlocks {
    private VendorBlocks() {
    }

    static void add(DicomWriter w, Cohort.Series s, SplittableRandom rng) {
        String maker = s.device.manufacturer();
        if (maker.startsWith("SIEMENS")) {
            siemens(w, s, rng);
        } else if (maker.startsWith("GE ")) {
            ge(w, s, rng);
        } else if (maker.startsWith("Philips")) {
            philips(w, s, rng);
        } else if (maker.startsWith("HOLOGIC")) {
            w.privateBlock(0x0019, 0x10, "HOLOGIC, Inc.");
            w.string(DicomWriter.privateTag(0x0019, 0x10, 0x06), VR.LO, "Tomosynthesis");
            w.string(DicomWriter.privateTag(0x0019, 0x10, 0x07), VR.DS, String.valueOf(rng.nextInt(200)));
        }
    }

    private static void siemens(DicomWriter w, Cohort.Series s, SplittableRandom rng) {
        w.privateBlock(0x0029, 0x10, "SIEMENS CSA HEADER");
        w.privateBlock(0x0029, 0x11, "SIEMENS MEDCOM HEADER2");
        w.string(DicomWriter.privateTag(0x0029, 0x10, 0x08), VR.CS, "IMAGE NUM 4");
        w.string(DicomWriter.privateTag(0x0029, 0x10, 0x09), VR.LO, "20100114");
        int imageKb = s.csaKb > 0 ? s.csaKb : 2 + rng.nextInt(6);
        w.bytes(DicomWriter.privateTag(0x0029, 0x10, 0x10), VR.OB, csa(imageKb * 1024, rng));
        w.string(DicomWriter.privateTag(0x0029, 0x10, 0x18), VR.CS, "MR".equals(s.modality) ? "MR" : "CT");
        w.string(DicomWriter.privateTag(0x0029, 0x10, 0x19), VR.LO, "20100114");
        w.bytes(DicomWriter.privateTag(0x0029, 0x10, 0x20), VR.OB, csa((1 + rng.nextInt(3)) * 1024, rng));
        w.string(DicomWriter.privateTag(0x0029, 0x11, 0x60), VR.LO, "com");
    }

    /** "SV10" CSA2 layout: magic, element count, then named elements with padded ASCII items. */
    private static byte[] csa(int size, SplittableRandom rng) {
        byte[] b = new byte[size];
        String[] names = {"EchoLinePosition", "ProtocolSliceNumber", "SliceMeasurementDuration", "GSWDDataType",
            "NumberOfImagesInMosaic", "SliceNormalVector", "ImaAbsTablePosition", "RealDwellTime",
            "MrPhoenixProtocol", "BandwidthPerPixelPhaseEncode", "CoilString", "PhaseEncodingDirectionPositive"};
        StringBuilder text = new StringBuilder("SV10\4\3\2\1");
        while (text.length() < size) {
            text.append(names[rng.nextInt(names.length)]).append('\0').append("  ")
                    .append(rng.nextInt(100000)).append(".0000000\0\0\0\0M\0\0\0\315\0\0\0");
        }
        byte[] ascii = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(ascii, 0, b, 0, size);
        return b;
    }

    private static void ge(DicomWriter w, Cohort.Series s, SplittableRandom rng) {
        w.privateBlock(0x0009, 0x10, "GEMS_IDEN_01");
        w.string(DicomWriter.privateTag(0x0009, 0x10, 0x01), VR.LO, "CT_LIGHTSPEED");
        w.string(DicomWriter.privateTag(0x0009, 0x10, 0x02), VR.SH, "HOST" + rng.nextInt(100));
        w.privateBlock(0x0019, 0x10, "GEMS_ACQU_01");
        w.string(DicomWriter.privateTag(0x0019, 0x10, 0x0F), VR.DS, String.valueOf(rng.nextInt(1000)));
        w.ss(DicomWriter.privateTag(0x0019, 0x10, 0x11), rng.nextInt(3));
        w.string(DicomWriter.privateTag(0x0019, 0x10, 0x18), VR.LO, "axial");
        w.string(DicomWriter.privateTag(0x0019, 0x10, 0x23), VR.DS, "0.9375");
        w.string(DicomWriter.privateTag(0x0019, 0x10, 0x9E), VR.LO, "FAST SPIN ECHO");
        w.privateBlock(0x0043, 0x10, "GEMS_PARM_01");
        w.ss(DicomWriter.privateTag(0x0043, 0x10, 0x12), 1, 2, 3);
        byte[] blob = new byte[512 + rng.nextInt(3072) * 2];
        rng.nextBytes(blob);
        w.bytes(DicomWriter.privateTag(0x0043, 0x10, 0x29), VR.OB, blob);
        w.string(DicomWriter.privateTag(0x0043, 0x10, 0x6F), VR.DS, "0", "0", "0", "0");
    }

    private static void philips(DicomWriter w, Cohort.Series s, SplittableRandom rng) {
        w.privateBlock(0x2001, 0x10, "Philips Imaging DD 001");
        w.fl(DicomWriter.privateTag(0x2001, 0x10, 0x03), (float) (rng.nextInt(1000) / 10.0));
        w.string(DicomWriter.privateTag(0x2001, 0x10, 0x08), VR.SH, "1");
        w.string(DicomWriter.privateTag(0x2001, 0x10, 0x63), VR.CS, "NONE");
        if ("MR".equals(s.modality)) {
            w.privateBlock(0x2005, 0x10, "Philips MR Imaging DD 001");
            w.privateBlock(0x2005, 0x11, "Philips MR Imaging DD 002");
            w.fl(DicomWriter.privateTag(0x2005, 0x10, 0x00), 0f, (float) rng.nextDouble());
            w.sl(DicomWriter.privateTag(0x2005, 0x10, 0x20), 1 + rng.nextInt(64));
            w.string(DicomWriter.privateTag(0x2005, 0x10, 0x2D), VR.CS, "N");
            int items = 5 + rng.nextInt(30);
            w.sequence(DicomWriter.privateTag(0x2005, 0x11, 0x02), true, q -> {
                for (int k = 0; k < items; k++) {
                    int n = k;
                    q.item(true, i -> i.privateBlock(0x2005, 0x10, "Philips MR Imaging DD 001")
                            .string(DicomWriter.privateTag(0x2005, 0x10, 0x37), VR.CS, "PARAM_" + n)
                            .fl(DicomWriter.privateTag(0x2005, 0x10, 0x38), n * 1.5f));
                }
            });
        }
    }
}

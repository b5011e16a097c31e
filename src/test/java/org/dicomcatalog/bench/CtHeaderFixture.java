package org.dicomcatalog.bench;

import static org.dicomcatalog.dicom.write.ElementsBuilder.privateTag;

import java.nio.charset.StandardCharsets;

import org.dicomcatalog.dicom.DicomDataSet;
import org.dicomcatalog.dicom.DicomElement;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.ReadStatus;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;

/**
 * A deterministic, realistic CT image file for benchmarks: explicit VR little endian, a ~4 KB header with
 * the patient, study, series, equipment, image-plane and image-pixel modules, two sequences with items,
 * three GE-like private blocks (creators and small values, one OB), then 512x512x16-bit pixel data.
 * Every value is a constant, so every run reads the same bytes.
 */
final class CtHeaderFixture {
    static final int ROWS = 512;
    static final int COLUMNS = 512;
    static final int PIXEL_BYTES = ROWS * COLUMNS * 2;

    static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.2";
    /** CT Image Storage too: GE scout images are CT images; kept separate for readability. */
    static final String LOCALIZER_CLASS = "1.2.840.10008.5.1.4.1.1.2";
    static final String ROOT = "1.2.840.113619.2.416.";
    static final String STUDY_UID = ROOT + "2807.4432981.15421.1710166747.7731";
    static final String SERIES_UID = ROOT + "2807.4432981.15421.1710166921.802";
    static final String INSTANCE_UID = ROOT + "2807.4432981.15421.1710166992.137";
    static final String FRAME_UID = ROOT + "2807.4432981.15421.1710166747.9000.1";

    private CtHeaderFixture() {
    }

    /** The whole file: preamble, file meta, header, pixel data. */
    static byte[] bytes() {
        return writer().toBytes();
    }

    static DicomWriter writer() {
        DicomWriter w = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .charset(StandardCharsets.ISO_8859_1);
        // ------------------------------------------------------------ SOP common, general study/series/image
        w.string(0x00080005, VR.CS, "ISO_IR 100")
                .string(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL", "HELIX")
                .string(0x00080012, VR.DA, "20240311")
                .string(0x00080013, VR.TM, "142312.448210")
                .string(0x00080016, VR.UI, SOP_CLASS)
                .string(0x00080018, VR.UI, INSTANCE_UID)
                .string(0x00080020, VR.DA, "20240311")
                .string(0x00080021, VR.DA, "20240311")
                .string(0x00080022, VR.DA, "20240311")
                .string(0x00080023, VR.DA, "20240311")
                .string(0x00080030, VR.TM, "141907")
                .string(0x00080031, VR.TM, "142201.015000")
                .string(0x00080032, VR.TM, "142215.882000")
                .string(0x00080033, VR.TM, "142312.448210")
                .string(0x00080050, VR.SH, "A20240311-0457")
                .string(0x00080060, VR.CS, "CT")
                .string(0x00080070, VR.LO, "GE MEDICAL SYSTEMS")
                .string(0x00080080, VR.LO, "Hôpital Saint-Éloi, Département de Radiologie")
                .string(0x00080081, VR.ST, "80 avenue Augustin Fliche, 34090 Montpellier, France")
                .string(0x00080090, VR.PN, "Lefèvre^Amélie^^Dr.")
                .string(0x00081010, VR.SH, "CTAWP93345")
                .string(0x00081030, VR.LO, "CT THORAX ABDOMEN PELVIS WITH CONTRAST")
                .sequence(0x00081032, false, s -> s.item(false, i -> i
                        .string(0x00080100, VR.SH, "ZCTTAP")
                        .string(0x00080102, VR.SH, "99LOCAL")
                        .string(0x00080104, VR.LO, "CT Thorax/Abdomen/Pelvis with IV contrast")))
                .string(0x0008103E, VR.LO, "Portal venous 1.25mm Standard")
                .string(0x00081040, VR.LO, "Imagerie Médicale")
                .string(0x00081050, VR.PN, "Bernard^Louis")
                .string(0x00081070, VR.PN, "Tech^Camille")
                .string(0x00081090, VR.LO, "Revolution CT")
                .sequence(0x00081140, false, s -> s
                        .item(false, i -> i.string(0x00081150, VR.UI, SOP_CLASS)
                                .string(0x00081155, VR.UI, ROOT + "2807.4432981.15421.1710166992.136"))
                        .item(false, i -> i.string(0x00081150, VR.UI, SOP_CLASS)
                                .string(0x00081155, VR.UI, ROOT + "2807.4432981.15421.1710166992.138"))
                        .item(false, i -> i.string(0x00081150, VR.UI, LOCALIZER_CLASS)
                                .string(0x00081155, VR.UI, ROOT + "2807.4432981.15421.1710166770.1"))
                        .item(false, i -> i.string(0x00081150, VR.UI, LOCALIZER_CLASS)
                                .string(0x00081155, VR.UI, ROOT + "2807.4432981.15421.1710166770.2")))
                .string(0x00082111, VR.ST, "Reformatted from 0.625mm axial source, kernel STANDARD");
        // ------------------------------------------------------------ private block GEMS_IDEN_01
        w.privateBlock(0x0009, 0x10, "GEMS_IDEN_01")
                .string(privateTag(0x0009, 0x10, 0x01), VR.LO, "CT_LIGHTSPEED")
                .string(privateTag(0x0009, 0x10, 0x02), VR.SH, "CT01")
                .string(privateTag(0x0009, 0x10, 0x04), VR.SH, "Revolution")
                .sl(privateTag(0x0009, 0x10, 0x27), 1710166981)
                .string(privateTag(0x0009, 0x10, 0xE3), VR.UI, ROOT + "99.1.2024031114");
        // ------------------------------------------------------------ patient
        w.string(0x00100010, VR.PN, "Müller^Hans-Jürgen^Peter")
                .string(0x00100020, VR.LO, "PID-0004815162342")
                .string(0x00100030, VR.DA, "19700214")
                .string(0x00100040, VR.CS, "M")
                .string(0x00101010, VR.AS, "054Y")
                .string(0x00101020, VR.DS, "1.80")
                .string(0x00101030, VR.DS, "82.5")
                .string(0x00104000, VR.LT, "No known allergies. Creatinine 0.9 mg/dL.");
        // ------------------------------------------------------------ CT image / acquisition
        w.string(0x00180015, VR.CS, "CHEST")
                .string(0x00180022, VR.CS, "HELICAL MODE")
                .string(0x00180050, VR.DS, "1.25")
                .string(0x00180060, VR.DS, "120")
                .string(0x00180088, VR.DS, "1.25")
                .string(0x00180090, VR.DS, "500.000000")
                .string(0x00181020, VR.LO, "revo_ct_22mw.38", "CT_SYS_SW_2.0")
                .string(0x00181030, VR.LO, "5.1 TAP PORTAL VENOUS")
                .string(0x00181100, VR.DS, "400.000000")
                .string(0x00181110, VR.DS, "1085.60")
                .string(0x00181111, VR.DS, "625.60")
                .string(0x00181120, VR.DS, "0.000000")
                .string(0x00181130, VR.DS, "178.500")
                .string(0x00181140, VR.CS, "CW")
                .string(0x00181150, VR.IS, "600")
                .string(0x00181151, VR.IS, "285")
                .string(0x00181152, VR.IS, "171")
                .string(0x00181160, VR.SH, "BODY FILTER")
                .string(0x00181170, VR.IS, "34")
                .string(0x00181190, VR.DS, "1.200000")
                .string(0x00181210, VR.SH, "STANDARD")
                .string(0x00185100, VR.CS, "HFS")
                .fd(0x00189305, 0.5)
                .fd(0x00189306, 0.625)
                .fd(0x00189307, 80.0)
                .fd(0x00189309, 158.75)
                .fd(0x00189311, 0.992);
        // ------------------------------------------------------------ private block GEMS_ACQU_01
        w.privateBlock(0x0019, 0x10, "GEMS_ACQU_01")
                .sl(privateTag(0x0019, 0x10, 0x02), 912)
                .string(privateTag(0x0019, 0x10, 0x03), VR.DS, "2.341500")
                .string(privateTag(0x0019, 0x10, 0x0F), VR.DS, "1105.500000")
                .ss(privateTag(0x0019, 0x10, 0x11), 2)
                .string(privateTag(0x0019, 0x10, 0x18), VR.LO, "TAP_SCOUT_0")
                .string(privateTag(0x0019, 0x10, 0x1A), VR.DS, "-132.500000")
                .bytes(privateTag(0x0019, 0x10, 0x9E), VR.OB, pattern(128, 0x19));
        // ------------------------------------------------------------ relationship, image plane
        w.string(0x0020000D, VR.UI, STUDY_UID)
                .string(0x0020000E, VR.UI, SERIES_UID)
                .string(0x00200010, VR.SH, "7731")
                .string(0x00200011, VR.IS, "2")
                .string(0x00200012, VR.IS, "1")
                .string(0x00200013, VR.IS, "137")
                .string(0x00200032, VR.DS, "-249.511719", "-421.511719", "-301.250000")
                .string(0x00200037, VR.DS, "1.000000", "0.000000", "0.000000", "0.000000", "1.000000",
                        "0.000000")
                .string(0x00200052, VR.UI, FRAME_UID)
                .string(0x00201040, VR.LO, "SN")
                .string(0x00201041, VR.DS, "-301.250000")
                .string(0x00204000, VR.LT, "Portal venous phase, 70 s after injection of 100 mL iohexol 350 at 3 mL/s. "
                        + "Bolus tracking on the descending aorta, threshold 150 HU, delay 8 s.");
        // ------------------------------------------------------------ image pixel, VOI LUT, modality LUT
        w.us(0x00280002, 1)
                .string(0x00280004, VR.CS, "MONOCHROME2")
                .us(0x00280010, ROWS)
                .us(0x00280011, COLUMNS)
                .string(0x00280030, VR.DS, "0.976562", "0.976562")
                .us(0x00280100, 16)
                .us(0x00280101, 16)
                .us(0x00280102, 15)
                .us(0x00280103, 1)
                .string(0x00281050, VR.DS, "40", "400")
                .string(0x00281051, VR.DS, "400", "1500")
                .string(0x00281052, VR.DS, "-1024")
                .string(0x00281053, VR.DS, "1")
                .string(0x00281054, VR.LO, "HU");
        // ------------------------------------------------------------ procedure step
        w.string(0x00321060, VR.LO, "CT TAP WITH CONTRAST")
                .string(0x00400244, VR.DA, "20240311")
                .string(0x00400245, VR.TM, "141907")
                .string(0x00400253, VR.SH, "PPS-20240311-0457")
                .string(0x00400254, VR.LO, "CT THORAX ABDOMEN PELVIS");
        // ------------------------------------------------------------ private block GEMS_PARM_01
        w.privateBlock(0x0043, 0x10, "GEMS_PARM_01")
                .ss(privateTag(0x0043, 0x10, 0x10), 1)
                .ss(privateTag(0x0043, 0x10, 0x12), 14, 0, 0)
                .string(privateTag(0x0043, 0x10, 0x1E), VR.DS, "0.992000")
                .string(privateTag(0x0043, 0x10, 0x27), VR.SH, "/0.99:1")
                .bytes(privateTag(0x0043, 0x10, 0x28), VR.OB, pattern(384, 0x43))
                .ss(privateTag(0x0043, 0x10, 0x2B), 0, 0, 0, 0)
                .string(privateTag(0x0043, 0x10, 0x31), VR.DS, "-0.488281", "-0.488281");
        // ------------------------------------------------------------ pixel data
        return w.pixelData(VR.OW, PIXEL_BYTES);
    }

    /** A deterministic non-constant byte pattern for the private OB values. */
    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        int x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 1103515245 + 12345;
            b[i] = (byte) (x >>> 16);
        }
        return b;
    }

    /** Elements at every level, sequence items' contents included (items themselves not counted). */
    static int countElements(DicomDataSet ds) {
        int n = 0;
        for (DicomElement e : ds.elements()) {
            n++;
            for (DicomDataSet item : e.items()) {
                n += countElements(item);
            }
        }
        return n;
    }

    /** Reads the fixture and fails loudly when it does not parse cleanly, so no benchmark measures an error path. */
    static DicomHeader check(byte[] file) {
        DicomHeader h = DicomReader.read(file);
        if (h.status() != ReadStatus.OK || !h.warnings().isEmpty() || h.pixelData() == null
                || h.pixelData().length() != PIXEL_BYTES) {
            throw new IllegalStateException("fixture does not read cleanly: " + h.status() + " " + h.error()
                    + " " + h.warnings());
        }
        return h;
    }

    /** One line describing the fixture, for the benchmark documentation. */
    static String describe() {
        byte[] file = bytes();
        DicomHeader h = check(file);
        long pixelValueOffset = h.pixelData().valueOffset();
        long headerBytes = pixelValueOffset - 12; // up to the (7FE0,0010) OW element header
        return String.format("file %,d bytes; header %,d bytes (preamble+meta+data set up to pixel data, "
                + "bytes fetched by the reader %,d); file meta %d elements; data set %d top-level elements, "
                + "%d counting sequence contents; pixel data %,d bytes at offset %,d",
                file.length, headerBytes, h.bytesRead(), h.fileMeta().size(), h.dataSet().size(),
                countElements(h.dataSet()), h.pixelData().length(), pixelValueOffset);
    }

    public static void main(String[] args) {
        System.out.println(describe());
    }
}

package org.dicomcatalog.dicom;

import java.util.Map;

/**
 * How a data set is encoded (PS3.5 section 10 and Annex A). Only the three properties the header reader
 * needs are modelled; the pixel codec behind an encapsulated syntax does not matter for the header.
 */
public final class TransferSyntax {
    public static final String IMPLICIT_VR_LITTLE_ENDIAN_UID = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN_UID = "1.2.840.10008.1.2.1";
    public static final String EXPLICIT_VR_BIG_ENDIAN_UID = "1.2.840.10008.1.2.2";

    public static final TransferSyntax IMPLICIT_LITTLE = new TransferSyntax(IMPLICIT_VR_LITTLE_ENDIAN_UID, false, false,
            false, false);
    public static final TransferSyntax EXPLICIT_LITTLE = new TransferSyntax(EXPLICIT_VR_LITTLE_ENDIAN_UID, true, false,
            false, false);
    public static final TransferSyntax EXPLICIT_BIG = new TransferSyntax(EXPLICIT_VR_BIG_ENDIAN_UID, true, true,
            false, false);
    /** Implicit VR big endian is not a standard syntax, but bare data sets encoded that way exist. */
    public static final TransferSyntax IMPLICIT_BIG = new TransferSyntax(null, false, true, false, false);

    /**
     * The syntaxes whose data set is deflated (PS3.5 A.5, and the JPIP referenced deflate syntax). Deflated
     * Image Frame Compression (1.2.840.10008.1.2.8.1) deflates frames only, so its data set is plain.
     */
    private static final Map<String, TransferSyntax> SPECIAL = Map.of(
            IMPLICIT_VR_LITTLE_ENDIAN_UID, IMPLICIT_LITTLE,
            EXPLICIT_VR_LITTLE_ENDIAN_UID, EXPLICIT_LITTLE,
            EXPLICIT_VR_BIG_ENDIAN_UID, EXPLICIT_BIG,
            "1.2.840.10008.1.2.1.99", new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false),
            "1.2.840.10008.1.2.4.95", new TransferSyntax("1.2.840.10008.1.2.4.95", true, false, true, false),
            // JPIP referenced: pixel data is a URL, not encapsulated fragments
            "1.2.840.10008.1.2.4.94", new TransferSyntax("1.2.840.10008.1.2.4.94", true, false, false, false),
            // Encapsulated Uncompressed Explicit VR Little Endian is encapsulated like any compressed syntax
            "1.2.840.10008.1.2.1.98", new TransferSyntax("1.2.840.10008.1.2.1.98", true, false, false, true));

    private final String uid;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
            boolean encapsulated) {
        this.uid = uid;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    /**
     * The syntax for a UID. Every other UID, known or not, is read as explicit VR little endian with
     * encapsulated pixel data: PS3.5 A.4 requires that encoding for all compressed syntaxes, and syntaxes
     * added to the standard later follow it.
     */
    public static TransferSyntax of(String uid) {
        TransferSyntax known = SPECIAL.get(uid);
        return known != null ? known : new TransferSyntax(uid, true, false, false, true);
    }

    /** The UID, or null for an encoding that was guessed and has no standard UID. */
    public String uid() {
        return uid;
    }

    public boolean explicitVR() {
        return explicitVR;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean deflated() {
        return deflated;
    }

    public boolean encapsulated() {
        return encapsulated;
    }

    @Override
    public String toString() {
        return (uid != null ? uid : "none") + (explicitVR ? " explicit" : " implicit")
                + (bigEndian ? " BE" : " LE") + (deflated ? " deflated" : "") + (encapsulated ? " encapsulated" : "");
    }
}

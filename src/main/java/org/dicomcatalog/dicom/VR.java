package org.dicomcatalog.dicom;

/**
 * Value Representations of PS3.5 section 6.2, with what the reader needs to know about each:
 * how an explicit-VR header encodes its length, how the value is decoded, and how it is padded.
 */
public enum VR {
    AE(Kind.ASCII), AS(Kind.ASCII), AT(Kind.BINARY_NUMBER, 4), CS(Kind.ASCII), DA(Kind.ASCII),
    DS(Kind.ASCII), DT(Kind.ASCII), FD(Kind.BINARY_NUMBER, 8), FL(Kind.BINARY_NUMBER, 4), IS(Kind.ASCII),
    LO(Kind.TEXT), LT(Kind.TEXT), OB(Kind.BULK, 1), OD(Kind.BULK, 8), OF(Kind.BULK, 4), OL(Kind.BULK, 4),
    OV(Kind.BULK, 8), OW(Kind.BULK, 2), PN(Kind.TEXT), SH(Kind.TEXT), SL(Kind.BINARY_NUMBER, 4),
    SQ(Kind.SEQUENCE), SS(Kind.BINARY_NUMBER, 2), ST(Kind.TEXT), SV(Kind.BINARY_NUMBER, 8), TM(Kind.ASCII),
    UC(Kind.TEXT), UI(Kind.ASCII), UL(Kind.BINARY_NUMBER, 4), UN(Kind.BULK, 1), UR(Kind.ASCII),
    US(Kind.BINARY_NUMBER, 2), UT(Kind.TEXT), UV(Kind.BINARY_NUMBER, 8);

    /** How a value of this VR is decoded. */
    public enum Kind {
        /** Default character repertoire only; Specific Character Set does not apply. */
        ASCII,
        /** Decoded with the data set's Specific Character Set (SH, LO, ST, LT, PN, UC, UT). */
        TEXT,
        /** Fixed-size binary numbers in the transfer syntax's byte order. */
        BINARY_NUMBER,
        /** Opaque bytes (OB, OW, OF, OD, OL, OV, UN): candidates for bulk data. */
        BULK,
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[1 << 16];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    /** Size of one number (BINARY_NUMBER) or the byte-swap unit (BULK); 0 for strings. */
    private final int unitSize;
    /** Two ASCII letters packed big-endian, as they appear in an explicit-VR header. */
    private final int code;

    VR(Kind kind) {
        this(kind, 0);
    }

    VR(Kind kind, int unitSize) {
        this.kind = kind;
        this.unitSize = unitSize;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() {
        return kind;
    }

    public int unitSize() {
        return unitSize;
    }

    /** The VR for two header bytes, or null when they are not a VR code (e.g. implicit VR data). */
    public static VR ofCode(int b0, int b1) {
        return BY_CODE[((b0 & 0xFF) << 8) | (b1 & 0xFF)];
    }

    /** The VR named by a dictionary string such as "US" or "US or SS" (first choice), or null. */
    public static VR ofName(String name) {
        if (name == null || name.length() < 2) {
            return null;
        }
        return ofCode(name.charAt(0), name.charAt(1));
    }

    /** PS3.5 7.1.2: these VRs have two reserved bytes and a 32-bit length in explicit VR. */
    public boolean hasLongExplicitLength() {
        switch (this) {
            case OB: case OD: case OF: case OL: case OV: case OW: case SQ: case SV: case UC: case UN: case UR:
            case UT: case UV:
                return true;
            default:
                return false;
        }
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isString() {
        return kind == Kind.TEXT || kind == Kind.ASCII;
    }

    /** Backslash separates values in every string VR but these, whose value is one text (PS3.5 6.2). */
    public boolean isMultiValuedString() {
        return isString() && this != ST && this != LT && this != UT && this != UR;
    }

    /** PS3.5 6.2: UI values are padded with NUL, other strings with a space. */
    public byte paddingByte() {
        return this == UI ? 0 : (byte) ' ';
    }
}

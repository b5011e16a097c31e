package org.dicomcatalog.dicom.write;

import java.util.List;

/**
 * The tree a {@link DicomWriter} holds before serialization. Values are kept in little-endian form
 * with the size of their swap unit, so one tree can be written in either byte order.
 */
sealed interface Node {

    /** Tag of the node, used by {@code sorted()}; raw byte runs sort last. */
    int tag();

    /**
     * One data element. {@code declaredLength} of -1 means the value's real length; anything else is written
     * as-is so tests can lie. {@code longHeader} null means "what the VR code calls for".
     */
    record Element(int tag, String vrCode, byte[] value, int swapUnit, long declaredLength, Boolean longHeader)
            implements Node {
    }

    /** A sequence; vrCode is normally "SQ", "UN" makes its content implicit VR little endian (PS3.5 6.2.2). */
    record Sequence(int tag, String vrCode, boolean undefinedLength, List<Item> items) implements Node {
    }

    /** A sequence item holding a nested data set. */
    record Item(boolean undefinedLength, List<Node> body) implements Node {
        @Override
        public int tag() {
            return org.dicomcatalog.dicom.Tag.ITEM;
        }
    }

    /** Encapsulated pixel data (PS3.5 A.4): offset table item, one item per fragment, sequence delimiter. */
    record Encapsulated(int tag, String vrCode, long[] offsets, List<byte[]> fragments) implements Node {
    }

    /** Bytes copied verbatim into the stream, for garbage or hand-made structures. */
    record Raw(byte[] bytes) implements Node {
        @Override
        public int tag() {
            return -1;
        }
    }
}
